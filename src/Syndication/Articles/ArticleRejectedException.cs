namespace Syndication.Articles;

/// <summary>A document that will always fail the same way: recorded as rejected with a reason a person understands.</summary>
public sealed class ArticleRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
