using Nerva.Bindings.Generator;
using Xunit;

namespace Nerva.Bindings.Tests;

/// <summary>Checks the C-to-C# name rules on their own.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("nerva_scalar_type", "NervaScalarType")]
    [InlineData("INVALID_ARGUMENT", "InvalidArgument")]
    [InlineData("FLOAT32", "Float32")]
    [InlineData("out_DX", "OutDX")]
    [InlineData("weights_scale", "WeightsScale")]
    public void PascalCase_ConvertsSnakeCase(string cName, string expected)
    {
        Assert.Equal(expected, Naming.PascalCase(cName));
    }

    [Theory]
    [InlineData("nerva_matrix", "MatrixHandle")]
    [InlineData("nerva_some_thing", "SomeThingHandle")]
    [InlineData("foreign_thing", "ForeignThingHandle")]
    public void HandleTypeName_StripsLibraryPrefix(string cName, string expected)
    {
        Assert.Equal(expected, Naming.HandleTypeName(cName));
    }

    [Fact]
    public void EnumMemberNames_StripWholeSegmentsOnly()
    {
        Assert.Equal(new[] { "Foo", "Far" }, Naming.EnumMemberNames(new[] { "NERVA_X_FOO", "NERVA_X_FAR" }));
    }

    [Fact]
    public void EnumMemberNames_SingleConstantKeepsLastSegment()
    {
        Assert.Equal(new[] { "Ok" }, Naming.EnumMemberNames(new[] { "NERVA_STATUS_OK" }));
    }

    [Fact]
    public void EnumMemberNames_ShortestConstantKeepsOneSegment()
    {
        Assert.Equal(new[] { "Status", "StatusOk" }, Naming.EnumMemberNames(new[] { "NERVA_STATUS", "NERVA_STATUS_OK" }));
    }

    [Theory]
    [InlineData("out", "@out")]
    [InlineData("params", "@params")]
    [InlineData("rows", "rows")]
    public void Identifier_EscapesKeywords(string name, string expected)
    {
        Assert.Equal(expected, Naming.Identifier(name));
    }
}
