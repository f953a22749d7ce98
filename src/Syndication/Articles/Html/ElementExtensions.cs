using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>Small DOM edits the page clean-up needs.</summary>
internal static class ElementExtensions
{
    /// <summary>Replaces the element by its children (the sanitizer would drop unknown containers with their text).</summary>
    public static void Unwrap(this IElement element)
    {
        if (element.Parent is not { } parent) return;
        while (element.FirstChild is { } child) parent.InsertBefore(child, element);
        element.Remove();
    }
}
