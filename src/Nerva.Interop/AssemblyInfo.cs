using System.Runtime.CompilerServices;

// Every native call goes through source-generated LibraryImport stubs with
// blittable parameters, so the runtime's own marshalling is switched off.
[assembly: DisableRuntimeMarshalling]
