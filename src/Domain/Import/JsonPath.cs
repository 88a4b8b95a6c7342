namespace SweLancer.Domain.Import;

/// <summary>
/// Where a value sits in a JSON document (<c>$.tasks[3].manager.correct_proposal_id</c>), written out only when a
/// problem names it. Reading a 100,000-task manifest used to format a dozen such strings per task that no problem ever
/// used, most of the kilobyte of garbage it left per task.
/// </summary>
internal sealed class JsonPath
{
    public static readonly JsonPath Root = new(null, null, -1);

    private readonly JsonPath? _parent;
    private readonly string? _property;
    private readonly int _index;
    private string? _text;

    private JsonPath(JsonPath? parent, string? property, int index) => (_parent, _property, _index) = (parent, property, index);

    public JsonPath Property(string name) => new(this, name, -1);

    public JsonPath Index(int index) => new(this, null, index);

    public override string ToString() => _text ??= _parent is null ? "$"
        : _property is not null ? $"{_parent}.{_property}"
        : $"{_parent}[{_index}]";
}
