namespace Nerva.Specification;

/// <summary>
/// One parsed value <c>Name</c> or <c>Name(arguments)</c>. The arguments inside the parentheses are
/// split into groups at ';' and each group into items at ','. Only MultiStepLR uses more than one group.
/// </summary>
/// <param name="Name">The name before the parentheses, trimmed.</param>
/// <param name="Groups">The trimmed argument items per group, or no groups when there are no arguments.</param>
/// <param name="Text">The value as typed, trimmed.</param>
internal sealed record SyntaxValue(string Name, IReadOnlyList<IReadOnlyList<string>> Groups, string Text);
