using System.Text.Json;
using CoalitionBot.Slack.SocketMode;

namespace CoalitionBot.Slack.Tests.SocketMode;

public sealed class SocketModeFrameTests
{
    [Fact]
    public void HelloIsReadWithItsConnectionTime()
    {
        var frame = SocketModeFrame.Parse("""
            {"type":"hello","num_connections":2,"connection_info":{"app_id":"A1"},
             "debug_info":{"host":"applink-1","started":"2025-11-25 10:00:00.000","build_number":54,"approximate_connection_time":18060}}
            """);

        Assert.Equal(new Hello(2, 18060), frame);
    }

    [Fact]
    public void HelloWithoutDebugInfoIsStillHello() =>
        Assert.Equal(new Hello(null, null), SocketModeFrame.Parse("""{"type":"hello"}"""));

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    [InlineData("link_disabled")]
    [InlineData("something_new")]
    public void DisconnectKeepsAnyReason(string reason) =>
        Assert.Equal(new Disconnect(reason), SocketModeFrame.Parse($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"wss-111"}}"""));

    [Fact]
    public void EnvelopeIsReadAndUnknownFieldsAreIgnored()
    {
        var frame = SocketModeFrame.Parse("""
            {"envelope_id":"e-1","type":"events_api","payload":{"type":"event_callback","event_id":"Ev1"},
             "accepts_response_payload":false,"retry_attempt":1,"retry_reason":"timeout","added_later":{"a":[1,2]}}
            """);

        var envelope = Assert.IsType<Envelope>(frame);
        Assert.Equal(("e-1", "events_api", false, 1, "timeout"), (envelope.EnvelopeId, envelope.Type, envelope.AcceptsResponsePayload, envelope.RetryAttempt, envelope.RetryReason));
        Assert.Equal("Ev1", envelope.EventId);
        var inbound = envelope.ToInbound()!;
        Assert.Equal(SlackInboundKind.Event, inbound.Kind);
        Assert.Equal(1, inbound.RetryAttempt);
        Assert.Equal("event_callback", inbound.Payload.GetProperty("type").GetString()); // still readable after the document is gone
    }

    [Fact]
    public void EnvelopeWithMissingOrOddFieldsGetsDefaults()
    {
        var envelope = Assert.IsType<Envelope>(SocketModeFrame.Parse("""{"envelope_id":"e-2","type":"interactive","payload":{},"accepts_response_payload":"yes","retry_attempt":"1"}"""));

        Assert.False(envelope.AcceptsResponsePayload);
        Assert.Equal(0, envelope.RetryAttempt);
        Assert.Null(envelope.RetryReason);
        Assert.Null(envelope.EventId);
        Assert.Equal(SlackInboundKind.Interaction, envelope.ToInbound()!.Kind);
    }

    [Fact]
    public void EnvelopeWithoutAnObjectPayloadOrOfUnknownTypeCarriesNoWork()
    {
        var noPayload = Assert.IsType<Envelope>(SocketModeFrame.Parse("""{"envelope_id":"e-3","type":"slash_commands"}"""));
        var stringPayload = Assert.IsType<Envelope>(SocketModeFrame.Parse("""{"envelope_id":"e-4","type":"events_api","payload":"x"}"""));
        var unknownType = Assert.IsType<Envelope>(SocketModeFrame.Parse("""{"envelope_id":"e-5","type":"workflow_step","payload":{}}"""));

        Assert.Equal(JsonValueKind.Undefined, noPayload.Payload.ValueKind);
        Assert.Null(noPayload.ToInbound());
        Assert.Null(stringPayload.ToInbound());
        Assert.Null(unknownType.ToInbound());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"hello\"")]
    [InlineData("""{"envelope_id":"e-6"}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":"events_api","payload":{}}""")]
    [InlineData("""{"type":"events_api","envelope_id":"","payload":{}}""")]
    [InlineData("""{"type":"hello""")]
    public void MalformedFramesAreUnreadable(string text) =>
        Assert.IsType<UnreadableFrame>(SocketModeFrame.Parse(text));
}
