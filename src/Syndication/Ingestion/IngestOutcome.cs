namespace Syndication.Ingestion;

/// <summary>What ingesting a blob did: the slug, what happened, and the reason when it was rejected.</summary>
public sealed record IngestOutcome(string? Slug, IngestResult Result, string? Reason = null);

public enum IngestResult { Published, Updated, Unchanged, Deleted, Rejected, Ignored, Embargoed, Expired }

/// <summary>What one reconciliation pass found and did.</summary>
public sealed record ReconcileResult(int Documents, int Ingested, int Deleted, int Rejected, int Failed = 0);
