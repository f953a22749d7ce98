using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Syndication.Articles;

/// <summary>
/// YAML front matter read event by event into a JSON tree, within limits that stop hostile YAML early: at most
/// 5000 values, aliases counted as expanded (a "billion laughs" is refused), and 64 levels of nesting (YamlDotNet's
/// node model recurses once per level, and its scanner slows with depth).
/// </summary>
internal static class FrontMatterYaml
{
    public const int MaxValues = 5000;
    public const int MaxDepth = 64;

    /// <summary>The fields of the first YAML document, or an "markdown: …" rejection.</summary>
    public static JsonObject Read(string yaml)
    {
        JsonNode? root;
        try
        {
            root = new Reader().Read(new Parser(new StringReader(yaml)));
        }
        catch (YamlException e)
        {
            throw new ArticleRejectedException($"markdown: the front matter is not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser fails this way on some unclosed flow collections ("title: [Harbour").
            throw new ArticleRejectedException("markdown: the front matter is not valid YAML (it could not be read to its end)", e);
        }
        return root switch
        {
            null => new JsonObject(),
            JsonObject fields => fields,
            _ => throw new ArticleRejectedException("markdown: the front matter is not a mapping of fields"),
        };
    }

    private sealed class Frame(JsonNode node, AnchorName anchor, int budget)
    {
        public JsonNode Node { get; } = node;
        public AnchorName Anchor { get; } = anchor;
        public int BudgetAtStart { get; } = budget;
        public bool HasKey { get; set; }
        public string? Key { get; set; }
    }

    private sealed class Reader
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)> anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> open = new();
        private int budget = MaxValues;
        private JsonNode? root;

        public JsonNode? Read(IParser parser)
        {
            while (parser.MoveNext() && parser.Current is not DocumentEnd)
            {
                switch (parser.Current)
                {
                    case Scalar scalar:
                        Spend(1);
                        var value = JsonValue.Create(scalar.Value);
                        Remember(scalar.Anchor, value, 1);
                        Add(value, scalar.Value);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var known))
                            throw new ArticleRejectedException($"markdown: the front matter is not valid YAML (*{alias.Value} names no anchor defined before it)");
                        Spend(known.Size);
                        Add(known.Node?.DeepClone(), known.Node is JsonValue v ? v.GetValue<string>() : null);
                        break;
                    case SequenceStart sequence:
                        Open(new JsonArray(), sequence.Anchor);
                        break;
                    case MappingStart mapping:
                        Open(new JsonObject(), mapping.Anchor);
                        break;
                    case SequenceEnd or MappingEnd:
                        var frame = open.Pop();
                        Remember(frame.Anchor, frame.Node, frame.BudgetAtStart - budget);
                        Add(frame.Node, null);
                        break;
                }
            }
            return root;
        }

        private void Open(JsonNode node, AnchorName anchor)
        {
            if (open.Count >= MaxDepth) throw new ArticleRejectedException($"markdown: the front matter is nested more than {MaxDepth} deep");
            Spend(1);
            open.Push(new Frame(node, anchor, budget + 1));
        }

        private void Spend(int values)
        {
            budget -= values;
            if (budget < 0) throw new ArticleRejectedException($"markdown: the front matter has more than {MaxValues} values");
        }

        private void Remember(AnchorName anchor, JsonNode? node, int size)
        {
            if (!anchor.IsEmpty) anchors[anchor.Value] = (node, size);
        }

        // A value goes into the open sequence or mapping; in a mapping, a key (a scalar; others drop their value) comes first.
        private void Add(JsonNode? node, string? keyText)
        {
            if (!open.TryPeek(out var top))
            {
                root = node;
                return;
            }
            if (top.Node is JsonArray array)
            {
                array.Add(node);
                return;
            }
            if (!top.HasKey)
            {
                (top.HasKey, top.Key) = (true, keyText);
                return;
            }
            top.HasKey = false;
            if (top.Key is not { } key) return;
            var fields = (JsonObject)top.Node;
            if (fields.ContainsKey(key)) throw new ArticleRejectedException($"markdown: the front matter names '{CleanText.Line(key, 60)}' twice");
            fields[key] = node;
        }
    }
}
