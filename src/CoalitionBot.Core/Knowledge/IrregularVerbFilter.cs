using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace CoalitionBot.Knowledge;

/// <summary>
/// The Porter stemmer leaves irregular forms apart ("held" vs "hold", "sent" vs "send"); a
/// question in the past tense would then miss a passage in the present, and the missing word
/// would even count against answering. Maps the common irregular forms to their base verb.
/// </summary>
internal sealed class IrregularVerbFilter : TokenFilter
{
    private static readonly Dictionary<string, string> BaseForms = Build(
        "arise:arose,arisen", "be:was,were,been", "bear:bore,borne", "become:became", "begin:began,begun",
        "bring:brought", "build:built", "buy:bought", "catch:caught", "choose:chose,chosen", "come:came",
        "deal:dealt", "do:did,done", "draw:drew,drawn", "drive:drove,driven", "eat:ate,eaten", "fall:fell,fallen",
        "feel:felt", "fight:fought", "find:found", "flee:fled", "fly:flew,flown", "forget:forgot,forgotten",
        "get:got,gotten", "give:gave,given", "go:went,gone", "grow:grew,grown", "have:had", "hear:heard",
        "hide:hid,hidden", "hold:held", "keep:kept", "know:knew,known", "lead:led", "leave:left", "lend:lent",
        "lose:lost", "make:made", "mean:meant", "meet:met", "pay:paid", "ride:rode,ridden", "rise:rose,risen",
        "run:ran", "say:said", "see:saw,seen", "seek:sought", "sell:sold", "send:sent", "shake:shook,shaken",
        "show:shown", "sing:sang,sung", "sit:sat", "speak:spoke,spoken", "spend:spent", "stand:stood",
        "steal:stole,stolen", "strike:struck", "swear:swore,sworn", "take:took,taken", "teach:taught",
        "tell:told", "think:thought", "throw:threw,thrown", "understand:understood", "undertake:undertook,undertaken",
        "wear:wore,worn", "win:won", "withdraw:withdrew,withdrawn", "write:wrote,written", "forbid:forbade,forbidden",
        "overcome:overcame", "arise:arose", "bind:bound", "feed:fed", "flee:fled", "breed:bred");

    private readonly ICharTermAttribute _term;

    public IrregularVerbFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (BaseForms.TryGetValue(_term.ToString(), out var baseForm))
        {
            _term.SetEmpty().Append(baseForm);
        }
        return true;
    }

    private static Dictionary<string, string> Build(params string[] verbs)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var verb in verbs)
        {
            var (baseForm, others) = (verb[..verb.IndexOf(':')], verb[(verb.IndexOf(':') + 1)..]);
            foreach (var form in others.Split(','))
            {
                forms[form] = baseForm;
            }
        }
        return forms;
    }
}
