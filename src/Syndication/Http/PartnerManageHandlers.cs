using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Partners;
using Syndication.Storage;

namespace Syndication.Http;

/// <summary>
/// The key-protected partner routes: create (the password is shown once), rotate, change the profile, delete and list with pulls. The
/// doors enforce the key, as for <see cref="ManageHandlers"/>.
/// </summary>
public sealed class PartnerManageHandlers(PartnerStore store, PartnerGate gate, PartnerPullCounter pulls,
    IOptions<PartnerOptions> options, IOptions<FeedOptions> feedOptions, TimeProvider time)
{
    /// <summary>The largest request body the create route reads.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    private const int ListDays = 7;

    /// <summary>POST manage/partners {"id","name","feeds":["all"|"category/x"|...],"limit","profile"}: 201 with the password, shown this once.</summary>
    public async Task<Reply> CreateAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
            return Reply.BadRequest($"the body is over {MaxBodyBytes} bytes; a partner is a small JSON object");
        var (asked, error) = PartnerRequest.Parse(body.ToMemory(), feedOptions.Value.MaxLimit);
        if (asked is null) return Reply.BadRequest(error!);
        var password = PartnerPassword.Generate();
        var partner = new StoredPartner(asked.Id, asked.Name ?? asked.Id, asked.Feeds, asked.Limit ?? 0,
            gate.Sign(asked.Id, password), Guid.NewGuid().ToString("N"), time.GetUtcNow()) { Profile = asked.Profile };
        if (!await store.AddPartnerAsync(partner, ct)) return Reply.Text(409, $"partner '{asked.Id}' exists; rotate its password or delete it first");
        gate.Forget();
        return Reply.Json(201, new { id = partner.Id, username = partner.Id, password, profile = partner.Profile });
    }

    /// <summary>POST manage/partners/{id}/rotate: a new password (shown once); the old one stops working.</summary>
    public async Task<Reply> RotateAsync(string id, CancellationToken ct = default)
    {
        if (!PartnerId.IsValid(id)) return Reply.BadRequest(PartnerRequest.IdRule);
        var password = PartnerPassword.Generate();
        var hash = gate.Sign(id, password);
        // Conditional on the row as read: a profile PATCH meanwhile is kept, not overwritten by the row read before it.
        if (await store.RotatePartnerAsync(id, p => p with { PasswordHash = hash, Version = Guid.NewGuid().ToString("N") }, ct) is null)
            return Reply.NotFound($"partner '{id}' does not exist");
        gate.Forget();
        return Reply.Json(200, new { id, username = id, password });
    }

    /// <summary>PATCH manage/partners/{id} {"profile":"msn"}: the partner's feed URLs serve that profile's shape from now on.</summary>
    public async Task<Reply> UpdateAsync(HttpRequest request, string id, CancellationToken ct = default)
    {
        if (!PartnerId.IsValid(id)) return Reply.BadRequest(PartnerRequest.IdRule);
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
            return Reply.BadRequest($"the body is over {MaxBodyBytes} bytes; a change is {{\"profile\":\"msn\"}}");
        var (profile, error) = PartnerRequest.ParseProfile(body.ToMemory());
        if (profile is null) return Reply.BadRequest(error!);
        if (!await store.SetPartnerProfileAsync(id, profile, ct)) return Reply.NotFound($"partner '{id}' does not exist");
        gate.Forget();
        return Reply.Json(200, new { id, profile });
    }

    /// <summary>DELETE manage/partners/{id}: the partner's credentials stop working.</summary>
    public async Task<Reply> DeleteAsync(string id, CancellationToken ct = default)
    {
        if (!PartnerId.IsValid(id)) return Reply.BadRequest(PartnerRequest.IdRule);
        var deleted = await store.DeletePartnerAsync(id, ct);
        gate.Forget();
        return deleted ? Reply.Text(200, $"partner '{id}' deleted") : Reply.NotFound($"partner '{id}' does not exist");
    }

    /// <summary>GET manage/partners: every partner with its feeds, limit, last pull and pulls per day (the last week, UTC).</summary>
    public async Task<Reply> ListAsync(CancellationToken ct = default)
    {
        await pulls.FlushAsync(ct);
        var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - ListDays);
        var counts = (await store.PullsAsync(from, ct)).ToLookup(p => p.PartnerId);
        var list = (await store.PartnersAsync(ct)).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new
        {
            id = p.Id,
            name = p.Name,
            feeds = p.Feeds,
            limit = p.Limit > 0 ? p.Limit : options.Value.DefaultLimit,
            profile = FeedProfiles.Of(p.Profile).Name,
            created = p.Created,
            lastPull = counts[p.Id].Select(c => (DateTimeOffset?)c.LastPull).Max(),
            pullsPerDay = counts[p.Id].OrderBy(c => c.Day).ToDictionary(c => c.Day.ToString("yyyy-MM-dd"), c => c.Count),
        });
        return Reply.Json(200, list);
    }
}
