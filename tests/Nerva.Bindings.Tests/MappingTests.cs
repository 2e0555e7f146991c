using System;
using Nerva.Bindings.Generator;
using Xunit;

namespace Nerva.Bindings.Tests;

/// <summary>Runs the generator on small headers written for each case and checks the C# it emits.</summary>
public sealed class MappingTests
{
    private const string Prologue = """
        #include <stdint.h>
        typedef enum nerva_status { NERVA_STATUS_OK = 0, NERVA_STATUS_FAILED = 1 } nerva_status;

        """;

    [Fact]
    public void Enum_StripsCommonPrefixAndKeepsValues()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            /* Colors & shades <of> things. */
            typedef enum nerva_color
            {
                NERVA_COLOR_DARK_RED = 1,
                /* The default. */
                NERVA_COLOR_BLUE = -2,
                NERVA_COLOR_LIGHT_GREEN = 7
            } nerva_color;
            nerva_status nerva_color_check(nerva_color color);
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("internal enum NervaColor : int\n", output);
        Assert.Contains("    DarkRed = 1,\n", output);
        Assert.Contains("    Blue = -2,\n", output);
        Assert.Contains("    LightGreen = 7,\n", output);
        Assert.Contains("    /// The default.\n", output);
        Assert.Contains("/// Colors &amp; shades &lt;of&gt; things.\n", output);
        Assert.Contains("internal static partial NervaStatus nerva_color_check(NervaColor color);", output);
    }

    [Fact]
    public void Enum_KeepsPrefixSegmentBeforeDigit()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef enum nerva_layout { NERVA_LAYOUT_2D = 2, NERVA_LAYOUT_3D = 3 } nerva_layout;
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("    Layout2d = 2,\n", output);
        Assert.Contains("    Layout3d = 3,\n", output);
    }

    [Fact]
    public void Enum_ValueAboveIntMax_UsesUInt()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef enum nerva_flags { NERVA_FLAGS_LOW = 1, NERVA_FLAGS_HIGH = 0x80000000u } nerva_flags;
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("internal enum NervaFlags : uint\n", output);
        Assert.Contains("    High = 2147483648,\n", output);
    }

    [Fact]
    public void Pointers_NamedOut_BecomeOutParameters()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef enum nerva_color { NERVA_COLOR_RED = 1 } nerva_color;
            nerva_status nerva_thing_get(int64_t* out_rows, nerva_color* out, double* values, const int32_t* out_limit, uint8_t* output, void** out_data);
            """);

        string output = fixture.NativeMethods();

        Assert.Contains(
            "internal static partial NervaStatus nerva_thing_get(out long out_rows, out NervaColor @out, double* values, int* out_limit, byte* output, out void* out_data);",
            output);
        Assert.Contains(
            "// C: nerva_status nerva_thing_get(int64_t* out_rows, nerva_color* out, double* values, const int32_t* out_limit, uint8_t* output, void** out_data)\n",
            output);
    }

    [Fact]
    public void Strings_MapToUtf8StringOrBytePointer()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            const char* nerva_text_message(void);
            nerva_status nerva_text_name(const char** out, const char* key);
            nerva_status nerva_text_copy(char* out_buffer, int64_t size);
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("internal static partial byte* nerva_text_message();", output);
        Assert.Contains("[LibraryImport(LibraryName, EntryPoint = \"nerva_text_name\", StringMarshalling = StringMarshalling.Utf8)]\n", output);
        Assert.Contains("internal static partial NervaStatus nerva_text_name(out byte* @out, string key);", output);
        Assert.Contains("[LibraryImport(LibraryName, EntryPoint = \"nerva_text_copy\")]\n", output);
        Assert.Contains("internal static partial NervaStatus nerva_text_copy(byte* out_buffer, long size);", output);
    }

    [Fact]
    public void Handle_PairsWithDestroyFunction()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            /* A thing owned by the library. */
            typedef struct nerva_some_thing nerva_some_thing;
            nerva_status nerva_some_thing_create(nerva_some_thing** out);
            nerva_status nerva_some_thing_destroy(nerva_some_thing* thing);
            nerva_status nerva_some_thing_copy(nerva_some_thing* target, const nerva_some_thing* source);
            """);

        var files = fixture.Generate();
        string nativeMethods = files[BindingGenerator.NativeMethodsFileName];
        string safeHandles = files[BindingGenerator.SafeHandlesFileName];

        Assert.Contains("internal static partial NervaStatus nerva_some_thing_create(out SomeThingHandle @out);", nativeMethods);
        Assert.Contains("internal static partial NervaStatus nerva_some_thing_destroy(nint thing);", nativeMethods);
        Assert.Contains("internal static partial NervaStatus nerva_some_thing_copy(SomeThingHandle target, SomeThingHandle source);", nativeMethods);
        Assert.Contains("internal sealed class SomeThingHandle : SafeHandle\n", safeHandles);
        Assert.Contains("    public SomeThingHandle()\n        : base(IntPtr.Zero, ownsHandle: true)\n", safeHandles);
        Assert.Contains("    public override bool IsInvalid => handle == IntPtr.Zero;\n", safeHandles);
        Assert.Contains("        _ = NativeMethods.nerva_some_thing_destroy(handle);\n        return true;\n", safeHandles);
        Assert.Contains("/// A thing owned by the library.\n", safeHandles);
    }

    [Fact]
    public void Handle_VoidDestroy_IsCalledWithoutDiscard()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef struct nerva_box nerva_box;
            void nerva_box_destroy(nerva_box* box);
            """);

        string safeHandles = fixture.Generate()[BindingGenerator.SafeHandlesFileName];

        Assert.Contains("        NativeMethods.nerva_box_destroy(handle);\n", safeHandles);
    }

    [Fact]
    public void Struct_KeepsFieldOrderAndPassesByPointer()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef enum nerva_activation_kind { NERVA_ACTIVATION_RELU = 1, NERVA_ACTIVATION_LEAKY_RELU = 2 } nerva_activation_kind;

            /* An activation function and its parameters. */
            typedef struct nerva_activation
            {
                /* Which function. */
                nerva_activation_kind kind;
                double alpha;
                int32_t version;
                const char* name;
                float weights_scale;
            } nerva_activation;

            nerva_status nerva_activation_init(nerva_activation* out, nerva_activation_kind kind);
            nerva_status nerva_activation_check(const nerva_activation* activation, nerva_activation* inout_activation);
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("/// An activation function and its parameters.\n/// </summary>\n// C: nerva_activation\n[StructLayout(LayoutKind.Sequential)]\ninternal unsafe struct NervaActivation\n", output);
        int kind = output.IndexOf("    internal NervaActivationKind Kind;\n", StringComparison.Ordinal);
        int alpha = output.IndexOf("    internal double Alpha;\n", StringComparison.Ordinal);
        int version = output.IndexOf("    internal int Version;\n", StringComparison.Ordinal);
        int name = output.IndexOf("    internal byte* Name;\n", StringComparison.Ordinal);
        int scale = output.IndexOf("    internal float WeightsScale;\n", StringComparison.Ordinal);
        Assert.True(kind >= 0, "field Kind is missing");
        Assert.True(alpha > kind, "field Alpha is missing or not after Kind");
        Assert.True(version > alpha, "field Version is missing or not after Alpha");
        Assert.True(name > version, "field Name is missing or not after Version");
        Assert.True(scale > name, "field WeightsScale is missing or not after Name");
        Assert.Contains("    /// Which function.\n", output);
        Assert.Contains("    // C: const char * name\n", output);
        Assert.Contains("internal static partial NervaStatus nerva_activation_init(out NervaActivation @out, NervaActivationKind kind);", output);
        Assert.Contains("internal static partial NervaStatus nerva_activation_check(NervaActivation* activation, NervaActivation* inout_activation);", output);
    }

    [Fact]
    public void Struct_WithoutPointers_IsNotUnsafe()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef struct nerva_range { int64_t begin; int64_t end; } nerva_range;
            nerva_status nerva_range_check(nerva_range range);
            """);

        string output = fixture.NativeMethods();

        Assert.Contains("internal struct NervaRange\n", output);
        Assert.Contains("internal static partial NervaStatus nerva_range_check(NervaRange range);", output);
    }

    [Fact]
    public void StddefTypes_MapToNativeIntegers()
    {
        using HeaderFixture fixture = HeaderFixture.Create("#include <stddef.h>\n" + Prologue + """
            typedef int64_t nerva_index;
            nerva_status nerva_sizes(size_t* out, ptrdiff_t offset, nerva_index index);
            """);

        Assert.Contains("nerva_sizes(out nuint @out, nint offset, long index);", fixture.NativeMethods());
    }

    [Fact]
    public void Keywords_AreEscaped()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            nerva_status nerva_keyword_test(int32_t params, double object, int64_t in);
            """);

        Assert.Contains("nerva_keyword_test(int @params, double @object, long @in);", fixture.NativeMethods());
    }

    [Fact]
    public void HeadersOutsideNervaFolder_AreIgnored()
    {
        using HeaderFixture fixture = HeaderFixture.Create(
            "#include \"other/other.h\"\n" + Prologue + "nerva_status nerva_inside(void);\n",
            ("other/other.h", "typedef struct other_thing other_thing;\nvoid other_function(long double x);\n"));

        string output = fixture.NativeMethods();

        Assert.Contains("nerva_inside();", output);
        Assert.DoesNotContain("other_", output);
        Assert.DoesNotContain("int64_t", output.Replace("// C:", string.Empty).Split("namespace")[0]);
    }

    [Fact]
    public void FunctionsAreGroupedPerHeaderInIncludeOrder()
    {
        using HeaderFixture fixture = HeaderFixture.Create(
            "#include \"nerva/b.h\"\n#include \"nerva/a.h\"\n",
            ("nerva/b.h", "void nerva_b_first(void);\n"),
            ("nerva/a.h", "void nerva_a_second(void);\n"));

        string output = fixture.NativeMethods();

        int headerB = output.IndexOf("// ---- nerva/b.h ----", StringComparison.Ordinal);
        int first = output.IndexOf("nerva_b_first()", StringComparison.Ordinal);
        int headerA = output.IndexOf("// ---- nerva/a.h ----", StringComparison.Ordinal);
        int second = output.IndexOf("nerva_a_second()", StringComparison.Ordinal);
        Assert.True(headerB >= 0, "the section for nerva/b.h is missing");
        Assert.True(first > headerB, "nerva_b_first is not in the section for nerva/b.h");
        Assert.True(headerA > first, "the section for nerva/a.h does not follow nerva/b.h, which is included first");
        Assert.True(second > headerA, "nerva_a_second is not in the section for nerva/a.h");
    }

    [Theory]
    [InlineData("nerva_status nerva_bad_precision(long double value);", "nerva_bad_precision", "parameter 'value'", "long double")]
    [InlineData("nerva_status nerva_bad_callback(void (*callback)(int32_t code));", "nerva_bad_callback", "parameter 'callback'", "function pointer")]
    [InlineData("nerva_status nerva_bad_integer(long count);", "nerva_bad_integer", "parameter 'count'", "'long'")]
    [InlineData("nerva_status nerva_bad_flag(_Bool flag);", "nerva_bad_flag", "parameter 'flag'", "_Bool")]
    [InlineData("nerva_status nerva_bad_array(double values[4]);", "nerva_bad_array", "parameter 'values'", "arrays")]
    [InlineData("long double nerva_bad_return(void);", "nerva_bad_return", "the return type", "long double")]
    [InlineData("nerva_status nerva_bad_variadic(int32_t count, ...);", "nerva_bad_variadic", "variadic", "nerva/nerva.h")]
    public void UnsupportedType_RaisesErrorNamingIt(string declaration, string function, string what, string type)
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + declaration + "\n");

        string message = fixture.GenerationError();

        Assert.Contains(function, message);
        Assert.Contains(what, message);
        Assert.Contains(type, message);
    }

    [Fact]
    public void UnsupportedStructField_RaisesErrorNamingIt()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef struct nerva_options { int32_t version; long double epsilon; } nerva_options;
            """);

        string message = fixture.GenerationError();

        Assert.Contains("nerva_options", message);
        Assert.Contains("field 'epsilon'", message);
        Assert.Contains("long double", message);
    }

    [Fact]
    public void HandleWithoutDestroy_RaisesErrorNamingIt()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef struct nerva_orphan nerva_orphan;
            nerva_status nerva_orphan_create(nerva_orphan** out);
            """);

        string message = fixture.GenerationError();

        Assert.Contains("nerva_orphan", message);
        Assert.Contains("nerva_orphan_destroy", message);
    }

    [Fact]
    public void HandleReturnedByValue_RaisesError()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + """
            typedef struct nerva_widget nerva_widget;
            nerva_status nerva_widget_destroy(nerva_widget* widget);
            nerva_widget* nerva_widget_open(void);
            """);

        string message = fixture.GenerationError();

        Assert.Contains("nerva_widget_open", message);
        Assert.Contains("the return type", message);
    }

    [Fact]
    public void HeaderThatDoesNotCompile_RaisesError()
    {
        using HeaderFixture fixture = HeaderFixture.Create(Prologue + "nerva_status nerva_broken(undeclared_type value);\n");

        string message = fixture.GenerationError();

        Assert.Contains("does not compile", message);
        Assert.Contains("undeclared_type", message);
    }
}
