namespace CoalitionBot.Benchmarks.Corpus;

/// <summary>A verb in the forms the sentence templates need.</summary>
internal sealed record Verb(string Base, string Third, string Gerund, string Past);

/// <summary>
/// Words and phrases taken from seeds/*.txt and seeds/glossary.yaml, most common first in each
/// list (the generator picks with a skew towards the front), so that the synthetic library has
/// the seeds' term statistics: a few very frequent topic words and a long tail.
/// </summary>
internal static class SeedVocabulary
{
    public static readonly string[] Actors =
    [
        "civil society organisations", "NGOs", "diaspora groups", "migrants’ organisations", "local leaders",
        "faith-based organizations", "humanitarian actors", "community members", "national NGOs", "European NGOs",
        "international organizations", "emergency responders", "diaspora organisations", "youth networks",
        "child rights organisations", "human rights organisations", "migration organisations", "coalition members",
        "social welfare organisations", "working groups", "volunteers", "local authorities", "legal aid organisations",
        "host communities", "migrant associations", "women’s groups", "trade unions", "funders", "stakeholders",
        "lawyers", "community organizers", "Member States", "journalists", "researchers",
    ];

    public static readonly Verb[] Verbs =
    [
        new("support", "supports", "supporting", "supported"),
        new("promote", "promotes", "promoting", "promoted"),
        new("advocate for", "advocates for", "advocating for", "advocated for"),
        new("protect", "protects", "protecting", "protected"),
        new("strengthen", "strengthens", "strengthening", "strengthened"),
        new("share", "shares", "sharing", "shared"),
        new("identify", "identifies", "identifying", "identified"),
        new("develop", "develops", "developing", "developed"),
        new("coordinate", "coordinates", "coordinating", "coordinated"),
        new("monitor", "monitors", "monitoring", "monitored"),
        new("improve", "improves", "improving", "improved"),
        new("facilitate", "facilitates", "facilitating", "facilitated"),
        new("mobilise", "mobilises", "mobilising", "mobilised"),
        new("document", "documents", "documenting", "documented"),
        new("assess", "assesses", "assessing", "assessed"),
        new("fund", "funds", "funding", "funded"),
        new("establish", "establishes", "establishing", "established"),
        new("negotiate", "negotiates", "negotiating", "negotiated"),
        new("reinforce", "reinforces", "reinforcing", "reinforced"),
        new("campaign for", "campaigns for", "campaigning for", "campaigned for"),
        new("respond to", "responds to", "responding to", "responded to"),
        new("address", "addresses", "addressing", "addressed"),
        new("endorse", "endorses", "endorsing", "endorsed"),
        new("publish", "publishes", "publishing", "published"),
        new("mobilize", "mobilizes", "mobilizing", "mobilized"),
    ];

    public static readonly string[] Objects =
    [
        "community development", "access to education", "the vision statement", "joint advocacy actions",
        "sustainable livelihoods", "humanitarian assistance", "family tracing and reunification", "policy recommendations",
        "regional migration reform", "media training", "the protection of unaccompanied children", "legal aid", "remittances",
        "the rights of migrants", "collective action", "community education forums", "decent work", "access to health care",
        "reintegration programmes", "the root causes of migration", "safe and legal pathways", "translation services",
        "cultural intermediation", "in-kind assistance", "reception conditions", "alternatives to detention",
        "fair treatment in countries of destination", "safe spaces for migrants", "information about assistance",
        "the labour rights of migrant domestic workers", "the identification of victims of trafficking", "resettlement",
        "repatriation and reintegration programmes", "the implementation of the UN CRC", "awareness raising efforts",
        "emergency relief", "voluntary contributions", "the mainstream of the human rights policy agenda", "market-driven solutions",
    ];

    public static readonly string[] Purposes =
    [
        "to influence policy change", "to address the root causes of migration", "to protect vulnerable migrants",
        "to reach out to different stakeholders", "to hold governments accountable", "to build capacity among civil society groups",
        "to ensure that assistance is delivered to migrant groups", "to strengthen collective action",
        "to make migration a choice rather than a necessity", "to respond to urgent concerns",
        "to mobilise and invest remittances for community development", "to identify gaps in assistance or coverage",
        "to increase outreach and coverage", "to promote regional migration reform", "to shape European law and policy",
        "to stop illegal and inhumane practices", "to make progress on our campaigns", "to support livelihoods opportunities",
        "to send a common message to government", "to reinforce each other’s advocacy",
    ];

    public static readonly string[] Places =
    [
        "at national level", "at European level", "in countries of destination", "across the region", "in transit",
        "along the migratory trail", "in Mexico and Central America", "in the EU", "in countries of origin",
        "in the host State", "in the Northern Triangle", "at transit points", "in reception centers", "in the Americas",
        "in migrant sending areas", "along borders", "in urban areas", "in border communities", "locally",
    ];

    public static readonly string[] Times =
    [
        "during a crisis", "in an emergency", "in the long term", "after a disaster", "each year",
        "in the first weeks of an emergency", "before elections", "during the pandemic", "in times of conflict",
    ];

    public static readonly string[] Groups =
    [
        "children in migration", "families", "migrants", "young people", "unaccompanied children", "vulnerable migrants", "separated children",
        "women migrant domestic workers", "victims of trafficking", "migrants with disabilities", "asylum seekers",
        "refugees", "migrant workers", "returnees", "displaced people", "migrant children",
    ];

    public static readonly string[] Issues =
    [
        "violence against migrants in transit", "abuses of their rights", "the involvement of organized crime",
        "discrimination", "detention of children", "lack of access to services", "exploitation", "trafficking",
        "family separation", "xenophobia", "punitive residency revocation", "statelessness", "language barriers",
        "the fundamental socioeconomic factors pushing migrants to leave their homes",
    ];

    public static readonly string[] Outputs =
    [
        "letters to stakeholders", "statements to government agencies", "briefings", "a short position paper",
        "a webinar", "annual progress reports", "a policy brief", "a toolkit", "a mapping of services",
        "an advocacy module", "fact sheets", "joint statements",
    ];

    public static readonly string[] Governments =
    [
        "the government", "policymakers", "the US government", "national authorities", "decision makers",
        "the European Commission", "ministries", "State actors", "the UN Committee on the Rights of the Child",
    ];

    /// <summary>
    /// The everyday business of a coalition (meetings, budgets, reports): the seeds' documents
    /// spend many words on it, which keeps topic words in fewer passages and widens the vocabulary.
    /// </summary>
    public static readonly string[] Business =
    [
        "the annual budget", "the work plan", "the evaluation report", "the steering committee", "the communication plan",
        "the website", "training materials", "reporting requirements", "staff turnover", "data protection rules",
        "the membership fee", "press coverage", "the newsletter", "the meeting minutes", "the terms of reference",
        "the timeline", "office space", "travel costs", "the mailing list", "the grant agreement", "social media",
        "the board of trustees", "a shared calendar", "volunteer schedules", "the annual general meeting", "a survey of members",
    ];

    public static readonly string[] Events =
    [
        "workshop", "meeting", "conference", "webinar", "round table", "training session", "field visit", "consultation",
        "seminar", "public hearing", "press conference", "study visit",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>Sentences close to the seeds' own, with few topic words.</summary>
    public static readonly string[] SeedSentences =
    [
        "We value on-going communication and dialogue with other groups and individuals.",
        "This is how we build connections between groups and support a stronger, collective response to needs and issues.",
        "Building our base of support and the influence and power to make change is a long term process.",
        "We think creatively and strategically about how to use social and mainstream media, community actions, lobbying and other tools and activities to make progress on our campaigns.",
        "However, both European and national NGOs can play an important role in shaping European law and policy.",
        "We sometimes have different expertise (e.g. youth welfare vs. expertise on the circumstances for children abroad).",
        "Outcomes will be included in the page for the module for your use.",
        "The group operates on the assumption that campaigns that combine voices and send a common message to government are more likely to influence policy change.",
        "We initiate and actively support networks to work on specific issues as needed.",
        "Together, a wide range of organisations can work to promote change, but we need to bring together different goals and experience.",
        "This is the foundation of our advocacy.",
        "Some funding was provided to national and local organisations for a small action linked to the priorities of the Initiative.",
        "Share and promote the vision statement by endorsing it, publishing it on your website or incorporating it into your documents!",
        "They provide recommendations for future progress.",
        "Links to available data, recent research, related papers and recommended practices are collected and shared online for ease of use.",
    ];

    /// <summary>Short standalone headings as the seeds use them.</summary>
    public static readonly string[] Headings =
    [
        "Case study", "Lessons learned", "Common Goal", "Change Strategy", "International Alliances", "Know the issues",
        "Mobilize Supporters", "Stating the Problem", "Vision", "Spotlight on the EU", "Recommendations",
        "Promote links between people and groups", "Support people and communities affected by the issues",
        "Civil society engagement in humanitarian response", "Diaspora engagement in humanitarian response",
        "Assessment of impact and reach", "Background", "Next steps", "Key messages", "Funding",
    ];

    /// <summary>Short lines under "Other examples": a heading over a list without bullets.</summary>
    public static readonly string[] ExampleLines =
    [
        "Assessment of impact and reach", "Cost per beneficiary", "Alignment with policy", "Sustainability",
        "Replicability", "Participation of migrants", "Partnership with local authorities", "Gender sensitivity",
    ];

    public static readonly string[] MetadataValues = ["Advocacy", "Regulatory", "NGOs", "Various", "Arrival", "Return", "Transit"];

    /// <summary>Syllables for the long tail of place and organisation names that real libraries have.</summary>
    public static readonly string[] Syllables =
    [
        "ka", "lo", "ve", "ra", "tu", "mbe", "si", "na", "dor", "el", "ia", "qu", "an", "ta", "mi", "zo", "bar",
        "ren", "ku", "li", "sa", "go", "wa", "ni", "ost", "har", "pe", "lin",
    ];

    public static readonly string[] OrganisationSuffixes =
    [
        "Migrant Rights Network", "Diaspora Council", "Refugee Commission", "Working Group", "Legal Aid Centre",
        "Women’s Association", "Youth Forum", "Solidarity Fund", "Human Rights Commission",
    ];
}
