/**
 * The demo content: an original, fictional outlet, "The Tidewater Ledger", covering the invented
 * harbour city of Port Halden. Every sentence here was written for this project.
 */

export const SITE = {
  name: 'The Tidewater Ledger',
  description: 'News and commentary from Port Halden and the estuary towns, since 1911 (in fiction, at least).',
  timeZone: 'Europe/London',
  // Machine translation leaves these as they are (rule-based engines would translate "Port" and "Marsh").
  namesNotTranslated: [
    'The Tidewater Ledger',
    'Tidewater Ledger',
    'Port Halden',
    'Westbank',
    'Saltmead',
    'Corn Exchange',
    'Kestrel Bridge',
    'Crane Hill',
    'Marsh Road',
    'Marsh Lane',
    'Market Stairs',
    'Rope Walk',
    'Estuary Trust',
  ].join('\n'),
  navigation: [
    { label: 'City', url: '/sections/city' },
    { label: 'Economy', url: '/sections/economy' },
    { label: 'Climate', url: '/sections/climate' },
    { label: 'Culture', url: '/sections/culture' },
    { label: 'Opinion', url: '/sections/opinion' },
  ],
};

export const SECTIONS = [
  { slug: 'city', name: 'City', description: 'Councils, courts, streets and the people who keep Port Halden running.' },
  { slug: 'economy', name: 'Economy', description: 'Ships, wages, rents and the money moving through the estuary.' },
  { slug: 'climate', name: 'Climate', description: 'Tides, storms and how a low-lying city adapts.' },
  { slug: 'culture', name: 'Culture', description: 'Stages, galleries, kitchens and the city after dark.' },
  { slug: 'opinion', name: 'Opinion', description: 'Argument and commentary from our columnists and guests.' },
];

export const TAGS = [
  { slug: 'harbour', name: 'Harbour' },
  { slug: 'housing', name: 'Housing' },
  { slug: 'transport', name: 'Transport' },
  { slug: 'flooding', name: 'Flooding' },
  { slug: 'budget', name: 'Budget' },
  { slug: 'arts', name: 'Arts' },
];

export const AUTHORS = [
  {
    slug: 'mara-okafor',
    name: 'Mara Okafor',
    role: 'Senior City Correspondent',
    bio: 'Mara Okafor has covered Port Halden council for nine years, from planning rows to the night the ferry terminal flooded. She lives within earshot of the fish market bell.',
    email: 'mara.okafor@tidewater.example',
    internalNotes: 'Prefers early shifts. Source list kept offline.',
    links: [{ label: 'Articles by Mara', url: '/authors/mara-okafor' }],
    hue: 18,
  },
  {
    slug: 'tomas-lindqvist',
    name: 'Tomas Lindqvist',
    role: 'Economics Editor',
    bio: 'Tomas Lindqvist writes about wages, shipping and public money. Before journalism he spent six years reconciling cargo manifests at the container quay.',
    email: 'tomas.lindqvist@tidewater.example',
    internalNotes: 'On leave the first two weeks of August.',
    links: [{ label: 'Articles by Tomas', url: '/authors/tomas-lindqvist' }],
    hue: 205,
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    role: 'Climate Reporter',
    bio: 'Priya Raman reports on the estuary, its defences and the people living behind them. She trained as a hydrologist and still reads tide tables for pleasure.',
    email: 'priya.raman@tidewater.example',
    internalNotes: 'Has a standing embargo agreement with the river authority.',
    links: [{ label: 'Articles by Priya', url: '/authors/priya-raman' }],
    hue: 140,
  },
  {
    slug: 'wen-huang',
    name: 'Wen Huang',
    role: 'Columnist',
    bio: 'Wen Huang writes a weekly column on how the city governs itself. A former harbour pilot, Wen has opinions about every bridge in Port Halden and most of its committees.',
    email: 'wen.huang@tidewater.example',
    internalNotes: 'Column files Thursdays by noon.',
    links: [{ label: 'Columns by Wen', url: '/authors/wen-huang' }],
    hue: 280,
  },
];

export const EDITORS_NOTES = [
  {
    key: 'tideline-series',
    label: 'About this series',
    text: [
      "The Tideline Question is a three-part commentary on whether Port Halden should build a tidal barrier across the estuary mouth. The views are the columnist's own. Our news coverage of the barrier consultation is reported separately by our climate desk.",
    ],
  },
  {
    key: 'harbourmaster-interview',
    label: "Editor's note",
    text: [
      'This interview was conducted in two sittings at the harbour office and has been condensed and edited for clarity. The harbourmaster reviewed the quotations for accuracy, not for content.',
    ],
  },
];

export const SERIES = {
  slug: 'the-tideline-question',
  title: 'The Tideline Question',
  description: 'Should Port Halden wall off the sea? A columnist weighs the barrier, the bill and the alternative, in three parts.',
  editorsNote: 'tideline-series',
  hue: 195,
};

/** A seeded picture: its words, the hue of its generated artwork, and its rights (staff's, for ever, unless said). */
export type SeedFigure = {
  caption: string;
  credit: string;
  alt: string;
  hue: number;
  licence?: 'staff' | 'agency' | 'creative-commons' | 'public-domain' | 'handout';
  /** The licence ends this many days after the seed ran. */
  usableForDays?: number;
};

export type SeedArticle = {
  slug: string;
  title: string;
  format: 'news' | 'analysis' | 'commentary';
  standfirst: string;
  section: string;
  tags: string[];
  authors: string[];
  paragraphs: string[];
  cover: SeedFigure;
  inlineFigure?: { caption: string; credit: string; alt: string; hue: number; afterParagraph: number };
  seriesPart?: number;
  editorsNote?: string;
  corrections?: { daysAfterPublish: number; text: string }[];
  /** How long before the seed ran this article was first published, and, if it was updated, since when. */
  hoursAgo: number;
  updatedHoursAgo?: number;
  draft?: boolean;
  /** A draft's publish time, this many hours after the seed ran. */
  publishInHours?: number;
};

export const ARTICLES: SeedArticle[] = [
  {
    slug: 'tideline-why-the-harbour-wall-is-not-enough',
    title: 'Why the harbour wall is not enough',
    format: 'commentary',
    standfirst: 'The old sea wall was built for a tide that no longer exists. Patching it every winter is a plan to be surprised.',
    section: 'opinion',
    tags: ['flooding', 'harbour'],
    authors: ['wen-huang'],
    seriesPart: 1,
    paragraphs: [
      'Every January the council publishes a photograph of engineers inspecting the harbour wall, and every January the wall looks a little more like a museum piece. It was finished in 1957, designed for a spring tide that has since grown by the height of a kitchen counter.',
      'The wall is not failing. That is the problem. A structure that fails forces a decision; a structure that merely ages lets a city postpone one indefinitely, one repair budget at a time.',
      "Last winter the wall held on four occasions when the water came within a hand's width of the top. Four near misses is not a record of success. It is a forecast.",
      'In the next two columns I will look at the barrier the river authority has sketched, who would pay for it, and what a city that chose not to build it would have to do instead.',
    ],
    cover: {
      caption: 'Spray breaks over the 1957 harbour wall during the February storm surge.',
      credit: 'Ledger Photo Desk',
      alt: 'Waves breaking over a concrete sea wall under a grey sky',
      hue: 200,
    },
    hoursAgo: 30,
  },
  {
    slug: 'tideline-who-pays-for-a-barrier',
    title: 'Who pays for a barrier',
    format: 'commentary',
    standfirst: 'A barrier protects the whole estuary, but the bill lands on whoever is easiest to tax. That is the wrong way round.',
    section: 'opinion',
    tags: ['flooding', 'budget'],
    authors: ['wen-huang'],
    seriesPart: 2,
    paragraphs: [
      "The river authority's outline costs the barrier at a little under a year of the city's entire budget. Nobody serious proposes paying for it out of council tax, which is why the quiet proposals matter more than the loud ones.",
      'The quietest is a levy on harbour berths. It is administratively neat and politically cheap, because shipping companies do not vote. It is also unfair: the port would pay for protecting the inland suburbs that the barrier mostly shields.',
      'A fairer model would follow the flood maps. Properties behind the barrier that would otherwise sit in the one-in-a-hundred-year zone gain the most, and should carry the largest share, phased over decades.',
      'That will be unpopular in the streets it touches. It is still better than a levy designed around who complains least.',
    ],
    cover: {
      caption: 'Container cranes at the east quay, where a berth levy would fall.',
      credit: 'Ledger Photo Desk',
      alt: 'Tall cranes above stacked shipping containers at dusk',
      hue: 25,
    },
    hoursAgo: 20,
  },
  {
    slug: 'tideline-a-city-that-learns-to-flood',
    title: 'A city that learns to flood',
    format: 'commentary',
    standfirst: 'If Port Halden will not wall off the sea, it must let the water in on its own terms. That is harder than it sounds.',
    section: 'opinion',
    tags: ['flooding', 'housing'],
    authors: ['wen-huang'],
    seriesPart: 3,
    paragraphs: [
      'There is a serious alternative to the barrier, and it is not doing nothing. It is deciding, street by street, where water will be allowed to go when the tide wins.',
      'Parks that double as basins, ground floors built for wet winters, and a plan for moving the bus depot uphill are not glamorous. They are also cheaper, and they work even in the storms a barrier was never designed for.',
      'The hard part is honesty. A city that learns to flood has to tell some residents that their street is now part of the plan, and then compensate them properly.',
      'My own view, after three columns: build the barrier, but design the city as if it might fail. Either choice alone is a bet. Together they are a strategy.',
    ],
    cover: {
      caption: "Marsh Lane park, proposed as a flood basin in the council's adaptation plan.",
      credit: 'Illustration: Ledger Graphics',
      alt: 'A grassy park with a shallow pond beside terraced houses',
      hue: 120,
    },
    corrections: [
      {
        daysAfterPublish: 0,
        text: 'An earlier version of this column said the bus depot would move to Crane Hill. The adaptation plan names Crane Hill as one of three possible sites.',
      },
    ],
    hoursAgo: 6,
    updatedHoursAgo: 2,
  },
  {
    slug: 'council-approves-night-ferry-trial',
    title: 'Council approves six-month night ferry trial',
    format: 'news',
    standfirst: 'Boats will cross between the old town and Westbank until 2am on Fridays and Saturdays from March.',
    section: 'city',
    tags: ['transport', 'harbour'],
    authors: ['mara-okafor'],
    paragraphs: [
      'Port Halden council voted 31 to 9 on Tuesday to fund a six-month trial of late-night ferry crossings, the first since the service was cut back in 2009.',
      'Two boats will run every forty minutes between Market Stairs and the Westbank pontoon on Friday and Saturday nights. Single fares will match the daytime price.',
      'Hospitality workers, who make up most of the late-night passengers the council surveyed, said the last crossing at 11pm forced them into taxis or a ninety-minute walk round the estuary.',
      'The trial will be reviewed in September. Councillors opposed to it said the money would be better spent on the daytime timetable, which has lost four crossings a day since last spring.',
    ],
    cover: {
      caption: 'The ferry Margery Hale at Market Stairs on Tuesday evening.',
      credit: 'Ledger Photo Desk',
      alt: 'A small passenger ferry moored at stone steps at night',
      hue: 230,
    },
    hoursAgo: 3,
  },
  {
    slug: 'rents-rise-fastest-in-westbank',
    title: 'Rents rise fastest in Westbank as new bridge opens',
    format: 'news',
    standfirst: 'Asking rents across the estuary are up 11 per cent in a year, nearly double the city-wide rise.',
    section: 'economy',
    tags: ['housing'],
    authors: ['tomas-lindqvist'],
    paragraphs: [
      "Asking rents in Westbank rose 11 per cent in the twelve months to October, according to listings collected by the city's housing office, against 6 per cent across Port Halden as a whole.",
      'Letting agents attribute most of the rise to the Kestrel Bridge, which cut the walk into the old town to twelve minutes when it opened in the spring.',
      "Tenants' groups say the rise is pushing out the dock workers who made up much of the district's population. The council is consulting on whether to extend its rent register to Westbank.",
    ],
    cover: {
      caption: 'Terraces on Rope Walk, Westbank, seen from the Kestrel Bridge.',
      credit: 'Ledger Photo Desk',
      alt: 'A row of narrow brick houses beside a river',
      hue: 12,
    },
    hoursAgo: 12,
  },
  {
    slug: 'container-volumes-slip-for-third-quarter',
    title: 'Container volumes slip for a third quarter',
    format: 'analysis',
    standfirst: 'The port handled fewer boxes again this summer. The reasons lie far from the estuary, and so may the fix.',
    section: 'economy',
    tags: ['harbour', 'budget'],
    authors: ['tomas-lindqvist'],
    paragraphs: [
      "Port Halden handled 4 per cent fewer containers between July and September than a year earlier, the third quarter in a row of decline, according to the harbour board's figures.",
      'The fall is not about local demand. Two of the larger shipping alliances have moved their feeder services to the deeper berths up the coast, leaving Port Halden with smaller ships calling less often.',
      'Dredging the channel would let larger ships return, but the cost would be shared with the river authority, which is also being asked to fund a tidal barrier.',
      'The harbour board expects volumes to stabilise next year. The board has said that before.',
    ],
    cover: {
      caption: 'A feeder vessel leaves the container quay on the morning tide.',
      credit: 'Ledger Photo Desk',
      alt: 'A cargo ship loaded with containers sailing past a breakwater',
      hue: 210,
    },
    inlineFigure: {
      caption: 'Quarterly container volumes, last three years.',
      credit: 'Chart: Ledger Graphics / harbour board data',
      alt: 'A bar chart showing container volumes falling over the last three quarters',
      hue: 45,
      afterParagraph: 1,
    },
    hoursAgo: 40,
  },
  {
    slug: 'estuary-marsh-restoration-finds-first-terns',
    title: 'Terns nest on restored marsh for the first time in decades',
    format: 'news',
    standfirst:
      'Volunteers counted eleven nesting pairs on the Saltmead flats, three years after the sea wall there was deliberately breached.',
    section: 'climate',
    tags: ['flooding'],
    authors: ['priya-raman'],
    paragraphs: [
      'Eleven pairs of little terns have nested on the Saltmead flats, the first confirmed breeding there since records began in the 1970s, volunteers with the estuary trust said on Monday.',
      'The flats were grazing land until the river authority breached the old sea wall in three places, letting the tide return to a hundred hectares of marsh.',
      'The project was sold as flood defence: a marsh absorbs a surge before it reaches the town. The birds, the trust says, are evidence that it is working as habitat too.',
    ],
    cover: {
      caption: 'Saltmead flats at low tide, three years after the managed breach.',
      credit: 'Estuary Trust / Ledger',
      alt: 'Shallow channels of water winding through green salt marsh',
      hue: 95,
      // A handout the trust lets us use for a fortnight: the desk's "licences ending" widget lists it.
      licence: 'handout',
      usableForDays: 10,
    },
    hoursAgo: 52,
  },
  {
    slug: 'barrier-consultation-what-residents-said',
    title: 'Barrier consultation: what residents told the river authority',
    format: 'analysis',
    standfirst: 'More than 4,000 responses, three recurring worries and one surprisingly popular idea.',
    section: 'climate',
    tags: ['flooding', 'budget'],
    authors: ['priya-raman', 'mara-okafor'],
    paragraphs: [
      'The river authority has published a summary of the 4,212 responses to its tidal barrier consultation, and they are more divided on the cost than on the need.',
      'Nearly three in four respondents agreed that the current defences would not protect the city for another thirty years. Far fewer agreed on who should pay, and the berth levy was the least popular option by a wide margin.',
      'The surprise was the marsh. More than a thousand responses, unprompted, asked for further managed breaches like Saltmead alongside any barrier.',
      // A long read: the rest of the analysis (the demo outlet's longest article, used by bench/translation.mjs).
      'The summary runs to ninety pages, and the authority has been careful to say that it is not a vote. Consultations rarely are. But read closely, the responses describe a city that has already made up its mind about the water and has not yet made up its mind about the bill.',
      'Start with the need. Asked whether the present walls and gates would keep the city dry through the 2050s, 73 per cent said no and only 11 per cent said yes. The rest were unsure. The answers barely moved between neighbourhoods, which is unusual: on most questions, people who live near the water and people who live on the hill see the estuary very differently.',
      'On this question they do not. Residents of Crane Hill, who have never had water in their kitchens, were almost as likely as those on Marsh Road to say that the defences were not enough. Several wrote that they had watched the quay flood from their windows and did not need to be told twice.',
      'The cost is where the agreement ends. The authority put four ways of paying in front of respondents: a share of the national flood budget, a rise in the city precept, a levy on harbour berths, and borrowing against future business rates. Respondents could rank them, and most did.',
      'The national budget came first, which surprised nobody. Borrowing came second. The precept came a distant third, and the berth levy came last in every part of the city except, tellingly, the streets furthest from the harbour.',
      'The harbour board’s own response, published alongside the summary, argues that a levy would push the remaining shipping lines to the deeper berths up the coast. Its numbers are contested, but its argument clearly landed: the word that appears most often in the comments about the levy is not fair or unfair but ships.',
      'Then there are the people who did not answer the question they were asked. Almost one response in four wandered away from the barrier altogether, and the authority has sorted those into themes.',
      'The largest theme, by a distance, is the marsh. Respondents who had walked the Saltmead flats since the breach wrote about the terns, the quiet and the mud, and a good number of them made an argument the consultation had not offered: that letting the tide back onto old grazing land is a defence in itself.',
      'They have a point, and the authority’s engineers concede part of it. A restored marsh absorbs some of the force of a surge before it reaches the town. It does not stop a storm tide on its own, and it takes land that someone else owns. But it is cheap, it is visible, and it works on the days when a barrier would be standing open.',
      'The second theme is trust. Dozens of respondents pointed out that the last major scheme, the Kestrel Bridge flood gates, came in late and over budget, and asked why this one would be different. The authority’s summary answers, in a sentence, that it has changed how it manages contracts. Readers may want more than a sentence.',
      'The third theme is time. A barrier would take at least nine years to design and build, and the people most exposed now, on the low streets around Market Stairs, asked what happens to them in the meantime. Several suggested that money for temporary defences and for insurance help should come first, whatever is decided about the barrier.',
      'It is worth being clear about who answered. Consultations are answered by the people who turn up, and these respondents were older, more likely to own their homes and more likely to live near the water than the city as a whole. Renters in Westbank, where rents are rising fastest, are barely represented.',
      'The authority knows this, and it has commissioned a separate survey of a thousand residents chosen at random. Its results are due in February. If they differ sharply from the consultation, that will be worth reporting in its own right.',
      'What the summary does not do is recommend anything. That is deliberate: the authority’s board wants to read the responses, the random survey and the engineers’ updated costs together before it chooses.',
      'But the shape of the choice is now visible. A barrier, paid for mostly from national money, with more marsh alongside it and something for the low streets in the meantime, would match what most respondents said. Whether the national money exists is a question the consultation could not answer.',
      'The Estuary Trust, which manages Saltmead, said it would submit a costed plan for two further breaches before the board meets. The harbour board said it would keep making its case against the levy. Neither said what it would do if the barrier were not built at all.',
      'The authority will publish its recommendation in the spring. Councillors will then have to decide whether to contribute, and how.',
    ],
    cover: {
      caption: 'Residents study the barrier plans at a drop-in session in the Corn Exchange.',
      credit: 'Ledger Photo Desk',
      alt: 'People looking at large printed maps pinned to display boards',
      hue: 160,
    },
    hoursAgo: 75,
  },
  {
    slug: 'harbourmaster-interview-forty-years-of-tides',
    title: '"The river always wins in the end": the harbourmaster on forty years of tides',
    format: 'news',
    standfirst:
      "As she prepares to retire, Port Halden's first woman harbourmaster talks about storms, silt and the channel nobody wants to pay for.",
    section: 'city',
    tags: ['harbour'],
    authors: ['mara-okafor'],
    editorsNote: 'harbourmaster-interview',
    paragraphs: [
      'Ruth Anselm has watched the estuary from the same window for nineteen years, and from a pilot boat for twenty-one before that. She retires at the end of the month.',
      '"People think the sea is the danger," she said. "The sea is honest. It is the river that surprises you, with silt where there was water last week."',
      'On the barrier, she is careful. "Build it, don\'t build it, but dredge the channel either way. A port that cannot take ships is just a very expensive view."',
      'Her successor has not yet been named. The harbour board says an announcement is expected before Christmas.',
    ],
    cover: {
      caption: 'Ruth Anselm in the harbour office, overlooking the channel.',
      credit: 'Ledger Photo Desk',
      alt: 'A woman in a navy jacket standing at a window overlooking boats',
      hue: 260,
    },
    hoursAgo: 96,
  },
  {
    slug: 'corn-exchange-reopens-as-theatre',
    title: 'Corn Exchange reopens as a 400-seat theatre',
    format: 'news',
    standfirst: 'After four years of restoration, the Victorian trading hall opens with a new play about the 1953 flood.',
    section: 'culture',
    tags: ['arts'],
    authors: ['mara-okafor'],
    paragraphs: [
      'The Corn Exchange, closed since a roof collapse in 2021, reopened on Saturday as a theatre, with its cast-iron columns and glass roof restored.',
      'The opening production, High Water, follows three families through the night of the 1953 flood. It was written by a local playwright using recordings held at the city archive.',
      'The building will host touring productions, a youth company and, on market days, the traders who used it for a century and a half.',
    ],
    cover: {
      caption: 'The restored glass roof of the Corn Exchange during the final rehearsal.',
      credit: 'Ledger Photo Desk',
      alt: 'An ornate iron and glass roof above rows of theatre seats',
      hue: 38,
    },
    hoursAgo: 120,
  },
  {
    slug: 'night-market-returns-to-quayside',
    title: 'Night market returns to the quayside for the winter',
    format: 'news',
    standfirst: 'Forty stalls, heated tents and a ban on single-use plastic: the quayside market is back until February.',
    section: 'culture',
    tags: ['harbour', 'arts'],
    authors: ['tomas-lindqvist'],
    paragraphs: [
      'The quayside night market opened for its winter season on Thursday with forty stalls, ten more than last year, and a new rule that every trader must use returnable dishes.',
      "Stallholders pay a flat weekly fee that the market's organisers say has not risen in three years, which they credit for the number of first-time traders.",
      'The market runs Thursday to Sunday evenings until the end of February, weather permitting. It closed eleven times last winter because of high winds.',
    ],
    cover: {
      caption: 'Lanterns over the food stalls on the first night of the winter market.',
      credit: 'Ledger Photo Desk',
      alt: 'Strings of warm lights above crowded food stalls by the water',
      hue: 330,
    },
    hoursAgo: 150,
  },
  {
    slug: 'bus-depot-move-uphill-approved',
    title: 'Bus depot to move uphill, out of the flood zone',
    format: 'news',
    standfirst: 'The council will relocate the main depot by 2029 after it flooded twice in three winters.',
    section: 'city',
    tags: ['transport', 'flooding'],
    authors: ['mara-okafor', 'priya-raman'],
    paragraphs: [
      "Port Halden's main bus depot will move from the low-lying Marsh Road site by 2029, the council's transport committee decided on Wednesday.",
      "The depot flooded in 2023 and again last winter, stranding a third of the city's buses for two days each time.",
      'Three possible sites are being assessed, all above the projected flood line for the end of the century. The committee expects to choose one next summer.',
    ],
    cover: {
      caption: 'Buses parked at the Marsh Road depot, which flooded last winter.',
      credit: 'Ledger Photo Desk',
      alt: 'A row of green buses parked in a wet depot yard',
      hue: 150,
    },
    hoursAgo: 200,
  },
  {
    slug: 'opinion-the-ferry-trial-should-be-permanent',
    title: 'The night ferry trial should not need a trial',
    format: 'commentary',
    standfirst: 'A city split by water owes its night workers a way home. Six months of evidence will say what we already know.',
    section: 'opinion',
    tags: ['transport'],
    authors: ['wen-huang'],
    paragraphs: [
      'The council has approved a night ferry trial, and I am glad. I would be gladder if we were not pretending that the result is in doubt.',
      'The people who need a crossing at one in the morning are the people who cook, clean and pour drinks in the old town. They have been walking round the estuary for fifteen years.',
      'Trials are useful when we do not know the answer. Here the only open question is whether the council will fund the service once the photographs have been taken.',
    ],
    cover: {
      caption: 'The Westbank pontoon, where the last ferry now leaves at 11pm.',
      credit: 'Ledger Photo Desk',
      alt: 'An empty floating pontoon lit by a single lamp at night',
      hue: 240,
    },
    hoursAgo: 2,
  },
  {
    slug: 'draft-harbour-levy-options',
    title: 'Council weighs three harbour levy options',
    format: 'news',
    standfirst: 'Embargoed until the finance committee papers are published.',
    section: 'economy',
    tags: ['budget', 'harbour'],
    authors: ['tomas-lindqvist'],
    paragraphs: [
      'DRAFT. Not for publication. The finance committee will consider three options for a harbour levy: on berths, on cargo weight, or on passenger landings.',
      'Figures to be checked against the committee papers when they are released.',
    ],
    cover: { caption: 'Placeholder image for the levy story.', credit: 'Ledger Photo Desk', alt: 'Placeholder: harbour at dawn', hue: 60 },
    hoursAgo: 0,
    draft: true,
  },
  {
    // Scheduled: the desk's "Scheduled" widget lists it; the schedule publishes it the next morning.
    slug: 'lock-gate-overhaul-begins',
    title: 'Lock gate overhaul begins with a week of night closures',
    format: 'news',
    standfirst: 'The inner harbour lock shuts from 10pm to 5am for seven nights while the gate seals are replaced.',
    section: 'city',
    tags: ['harbour'],
    authors: ['mara-okafor'],
    paragraphs: [
      'The river authority will close the inner harbour lock overnight for a week from Monday, the first stage of an overhaul of gates that were last refitted two decades ago.',
      'Boats moored inside the basin can leave until 9.30pm each evening. The pedestrian bridge over the lock stays open throughout.',
    ],
    cover: {
      caption: 'The inner harbour lock at low water.',
      credit: 'Ledger Photo Desk',
      alt: 'Two wooden lock gates closed across a narrow channel',
      hue: 200,
    },
    hoursAgo: 0,
    draft: true,
    publishInHours: 20,
  },
  {
    // Not ready: the desk's "Needs fixing before publish" widget lists it with the checks' reasons.
    slug: 'ferry-fares-review-notes',
    title: 'Ferry fares review: what the operator has been asked to cost',
    format: 'analysis',
    standfirst: '',
    section: 'economy',
    tags: ['transport'],
    authors: ['tomas-lindqvist'],
    paragraphs: ['Notes for the analysis: the three fare structures in the brief, and the questions still open with the operator.'],
    cover: { caption: 'Ticket machines at the Westbank terminal.', credit: '', alt: 'A row of ticket machines under a canopy', hue: 30 },
    hoursAgo: 0,
    draft: true,
  },
];

export const PAGES = [
  {
    slug: 'privacy',
    title: 'Privacy statement',
    revisionDate: '2026-09-01',
    paragraphs: [
      'The Tidewater Ledger is a fictional outlet created to demonstrate this publishing platform. This statement explains what the demonstration site does with information about its readers.',
      'We do not ask readers to register. When you search the site, the words you search for may be counted anonymously to show what other readers are looking for; no address, cookie or identifier is stored with them.',
      'We set a single first-party cookie to remember your cookie choices. Other cookies are set only if you accept them.',
      'Questions about this statement can be sent to the fictional privacy desk at privacy@tidewater.example.',
    ],
  },
  {
    slug: 'cookie-policy',
    title: 'Cookie policy',
    revisionDate: '2026-09-01',
    paragraphs: [
      'Essential cookies remember your cookie choices and, for editors only, keep a preview session open. They cannot be switched off.',
      'Measurement cookies, if you accept them, help us understand which articles are read. They are off until you say otherwise.',
      'You can change your choice at any time from the "Cookie settings" link at the foot of every page.',
    ],
  },
  {
    slug: 'terms',
    title: 'Terms of use',
    revisionDate: '2026-06-15',
    paragraphs: [
      'The articles on this site are original fiction written to demonstrate a publishing platform. Any resemblance to real places, people or publications is coincidental.',
      'You may quote short extracts with a link back to the article. Please do not republish whole articles without permission.',
      'Machine translations offered on the site are generated automatically and are not the work of our journalists.',
    ],
  },
];

/** Chinese (zh) versions of a few entries, so the second locale has something to read. Original text. */
export const ZH = {
  site: { name: '潮水纪事报', description: '来自哈尔登港及河口城镇的新闻与评论。' },
  sections: { city: { name: '城市', description: '议会、法院、街道，以及让哈尔登港运转的人们。' } },
  tags: { harbour: { name: '港口' }, transport: { name: '交通' } },
  authors: {
    'mara-okafor': {
      role: '资深城市记者',
      bio: '玛拉·奥卡福报道哈尔登港议会已有九年，从规划争议到渡轮码头被淹的那一夜。她住在能听见鱼市钟声的地方。',
    },
  },
  articles: {
    'council-approves-night-ferry-trial': {
      title: '议会批准为期六个月的夜间渡轮试运行',
      standfirst: '从三月起，每逢周五和周六，渡轮将在老城区与西岸之间运行至凌晨两点。',
      paragraphs: [
        '哈尔登港议会周二以三十一票对九票通过决议，为夜间渡轮试运行拨款。这是自2009年服务缩减以来首次恢复深夜航班。',
        '两艘渡轮将在周五和周六夜间每四十分钟往返一次，连接集市台阶码头与西岸浮码头。单程票价与白天相同。',
        '议会调查显示，深夜乘客大多是餐饮业员工。他们表示，晚上十一点的末班船迫使他们乘出租车，或绕河口步行九十分钟回家。',
      ],
      cover: {
        caption: '周二傍晚停靠在集市台阶码头的玛杰里·黑尔号渡轮。',
        credit: '潮水纪事报图片部',
        alt: '夜间停靠在石阶旁的小型客运渡轮',
      },
    },
  },
} as const;
