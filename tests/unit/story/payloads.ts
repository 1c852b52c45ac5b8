// The payloads of tests/fixtures/stories-hostile/payloads, one entry each. Every payload carries its
// own marker (its id, P01 to P33) in the fixture, inside the very value that carries the payload:
// tests/unit/story/security.test.ts checks that each arrives in the checked story exactly as
// `value`, as text, and tests/browser/security.test.ts that a reader sees `shows` verbatim.
import { plain } from '../../../src/story/plain.ts';
import type { ResolvedStory } from '../../../src/story/schema.ts';
import type { PlaceTable } from '../../../src/story/gazetteer.ts';

export const PAYLOAD_STORY = 'tests/fixtures/stories-hostile/payloads';
export const PAYLOAD_FILES = ['story.md', 'places.geojson'];

/** The checked story, and the fixture's own places table (which keeps what the story drops). */
export interface Checked {
  story: ResolvedStory;
  places: PlaceTable;
}

export interface Payload {
  /** Its marker in the fixture, as a word of its own. */
  id: string;
  where: string;
  /** Where the payload is in the checked story... */
  at: (c: Checked) => string | undefined;
  /** ...and exactly what it must be there: the payload as text, its marker in it. */
  value: string;
  /** The text a reader must see, verbatim, its marker in it; none when it is not displayed. */
  shows?: string;
}

const passage = (id: string) => (c: Checked) =>
  plain(c.story.passages.find((p) => p.id === id)?.inlines ?? []);
/** The passage's one link, as data: its text, its href and nothing else (no title). */
const link = (id: string) => (c: Checked) =>
  JSON.stringify(
    c.story.passages.find((p) => p.id === id)?.inlines.filter((n) => n.type === 'link'),
  );
const place = (id: string, key: 'label' | 'name' | 'note') => (c: Checked) =>
  c.story.places[id]?.[key];
const source =
  (id: string, key: 'dataset' | 'version' | 'licence' | 'credit' | 'url') => (c: Checked) =>
    c.story.places[id]?.source[key];

export const PAYLOADS: Payload[] = [
  {
    id: 'P01',
    where: 'title',
    at: (c) => c.story.title,
    value: '</title></script><script>alert(1)</script><!-- P01 title',
    shows: '</title></script><script>alert(1)</script><!-- P01 title',
  },
  {
    id: 'P02',
    where: 'dek',
    at: (c) => c.story.dek,
    value: '<img src=x onerror=alert(2)> P02 dek',
    shows: '<img src=x onerror=alert(2)> P02 dek',
  },
  {
    id: 'P03',
    where: 'outlet',
    at: (c) => c.story.source.outlet,
    // The front matter's words are set curly too (story/check.ts): text, as a reader reads it.
    value: '”><iframe src=javascript:alert(3)></iframe> P03 outlet',
    shows: '”><iframe src=javascript:alert(3)></iframe> P03 outlet',
  },
  {
    id: 'P04',
    where: 'source url (an attribute)',
    at: (c) => c.story.source.url,
    value: 'https://example.org/?q="onmouseover=alert(4)//&p=P04',
  },
  {
    id: 'P05',
    where: 'byline',
    at: (c) => c.story.byline,
    value: '<svg onload=alert(5)> P05 byline',
    shows: '<svg onload=alert(5)> P05 byline',
  },
  {
    id: 'P06',
    where: 'place label',
    at: place('kyiv', 'label'),
    value: '<b onmouseover=alert(6)>Kyiv</b> P06 label',
    shows: '<b onmouseover=alert(6)>Kyiv</b> P06 label',
  },
  {
    id: 'P07',
    where: 'place note',
    at: place('kyiv', 'note'),
    value: '<a href="javascript:alert(7)">P07 note</a>',
    shows: '<a href="javascript:alert(7)">P07 note</a>',
  },
  {
    id: 'P08',
    where: 'place note in <noscript>',
    at: place('hostile-site', 'note'),
    value: '</noscript><img src=x onerror=alert(8)> P08 note',
    shows: '</noscript><img src=x onerror=alert(8)> P08 note',
  },
  {
    id: 'P09',
    where: 'label as attribute',
    at: place('hostile-city', 'label'),
    value: '" onfocus="alert(9)" autofocus=" P09 label',
    shows: '" onfocus="alert(9)" autofocus=" P09 label',
  },
  {
    id: 'P10',
    where: 'local place name',
    at: place('hostile-site', 'name'),
    value: '<script>alert(10)</script> P10 name',
    shows: '<script>alert(10)</script> P10 name',
  },
  {
    id: 'P11',
    where: 'source dataset',
    at: source('hostile-site', 'dataset'),
    value: '<img src=x onerror=alert(11)> P11 dataset',
    shows: '<img src=x onerror=alert(11)> P11 dataset',
  },
  {
    id: 'P12',
    // Readers see a source's credit, or its dataset and licence: never its version.
    where: 'source version (not displayed)',
    at: source('hostile-site', 'version'),
    value: '<svg/onload=alert(12)> P12 version',
  },
  {
    id: 'P13',
    where: 'source licence',
    at: source('hostile-site', 'licence'),
    value: 'javascript:alert(13) P13 licence',
    shows: 'javascript:alert(13) P13 licence',
  },
  {
    id: 'P14',
    where: 'source url with markup and an iframe alias (not displayed)',
    at: (c) =>
      JSON.stringify([
        c.story.places['hostile-site']?.source.url,
        ...(c.places.places.get('hostile-site')?.properties.aliases ?? []),
      ]),
    value: JSON.stringify([
      'https://example.org/?q=<script>alert(14)</script>&p=P14',
      '<iframe srcdoc="<script>alert(14)</script>"> P14 alias',
    ]),
  },
  {
    id: 'P15',
    where: 'template syntax in a dataset',
    at: source('hostile-city', 'dataset'),
    value: "{{constructor.constructor('alert(15)')()}} ${alert(15)} P15 dataset",
    shows: "{{constructor.constructor('alert(15)')()}} ${alert(15)} P15 dataset",
  },
  {
    id: 'P16',
    where: 'raw-text end tags in a place name',
    at: place('hostile-region', 'name'),
    value: '</style><style>*{display:none}</style></title></textarea> P16 name',
    shows: '</style><style>*{display:none}</style></title></textarea> P16 name',
  },
  {
    id: 'P17',
    where: 'backslash escapes',
    at: passage('escapes'),
    value: 'Escaped markup <img src=x onerror=alert(17)> P17 near Kyiv.',
    shows: 'Escaped markup <img src=x onerror=alert(17)> P17',
  },
  {
    id: 'P18',
    where: 'named entities',
    at: passage('entities'),
    value: 'Named entities <script>alert(18)</script> P18 at the site.',
    shows: 'Named entities <script>alert(18)</script> P18',
  },
  {
    id: 'P19',
    where: 'numeric entities',
    at: passage('numeric'),
    value: 'Numeric entities <svg onload=alert(19)> P19 in the city.',
    shows: 'Numeric entities <svg onload=alert(19)> P19',
  },
  {
    id: 'P20',
    where: 'code span',
    at: passage('code'),
    value: 'A code span <img src=x onerror=alert(20)> P20 in the region.',
    shows: 'A code span <img src=x onerror=alert(20)> P20',
  },
  {
    id: 'P21',
    where: 'autolink',
    at: (c) => `${passage('autolink')(c)}\n${link('autolink')(c)}`,
    value: [
      'An autolink https://example.org/"onmouseover="alert(21) P21.',
      JSON.stringify([
        {
          type: 'link',
          href: 'https://example.org/"onmouseover="alert(21)',
          text: 'https://example.org/"onmouseover="alert(21)',
        },
      ]),
    ].join('\n'),
    shows: 'https://example.org/"onmouseover="alert(21) P21.',
  },
  {
    id: 'P22',
    where: 'link label',
    at: link('link-label'),
    value: JSON.stringify([
      { type: 'link', href: 'https://example.org/p22', text: '<script>alert(22)</script> P22' },
    ]),
    shows: '<script>alert(22)</script> P22',
  },
  {
    id: 'P23',
    where: 'mention label',
    at: passage('mention-label'),
    value: 'A mention label <iframe src=javascript:alert(23)> P23.',
    shows: '<iframe src=javascript:alert(23)> P23',
  },
  {
    id: 'P24',
    where: 'link title (dropped)',
    at: link('link-title'),
    value: JSON.stringify([{ type: 'link', href: 'https://example.org/p24', text: 'P24 title' }]),
    shows: 'A link title P24 title.',
  },
  {
    id: 'P25',
    where: 'mailto query',
    at: link('mailto'),
    value: JSON.stringify([
      {
        type: 'link',
        href: 'mailto:desk@example.org?subject=%3Cscript%3Ealert(25)%3C/script%3E',
        text: 'P25 mail',
      },
    ]),
    shows: 'A mail link P25 mail.',
  },
  {
    id: 'P26',
    where: 'emphasis',
    at: passage('emphasis'),
    value: '<svg><script>alert(26)</script></svg> P26 in emphasis',
    shows: '<svg><script>alert(26)</script></svg> P26 in emphasis',
  },
  {
    id: 'P27',
    where: 'strong',
    at: passage('strong'),
    value: 'javascript:alert(27) P27 in strong',
    shows: 'javascript:alert(27) P27 in strong',
  },
  {
    id: 'P28',
    where: 'data: URL as text',
    at: passage('data-url'),
    value: 'Plain data:text/html,<script>alert(28)</script> P28 text.',
    shows: 'data:text/html,<script>alert(28)</script> P28',
  },
  {
    id: 'P29',
    where: 'template syntax in text',
    at: passage('templates'),
    // Quotes in prose are set curly by the Markdown stage (SmartyPants): text, as a reader reads it.
    value: 'Templates {{constructor.constructor(‘alert(29)’)()}} ${alert(29)} P29 stay text.',
    shows: '{{constructor.constructor(‘alert(29)’)()}} ${alert(29)} P29 stay text',
  },
  {
    id: 'P30',
    where: 'U+2028/2029 and <!-- in page data',
    at: passage('separators'),
    value: 'Separators \u2028P30\u2029 and <!-- </script> in page data.',
    shows: '\u2028P30\u2029 and <!-- </script> in page data',
  },
  {
    id: 'P31',
    where: '</noscript> in text',
    at: passage('noscript'),
    value: 'A closing </noscript><img src=x onerror=alert(31)> P31 tag.',
    shows: '</noscript><img src=x onerror=alert(31)> P31',
  },
  {
    id: 'P32',
    where: 'SVG payload',
    at: passage('svg'),
    value: 'SVG <svg><a xlink:href=“javascript:alert(32)”><text>P32</text></a></svg> text.',
    shows: '<svg><a xlink:href=“javascript:alert(32)”><text>P32</text></a></svg>',
  },
  {
    id: 'P33',
    where: 'CSS payload with a remote URL',
    at: passage('css'),
    value: 'A CSS </style><style>body{background:url(//evil.example/33)}</style> P33 payload.',
    shows: '</style><style>body{background:url(//evil.example/33)}</style> P33',
  },
  {
    id: 'P34',
    where: 'source credit',
    at: source('hostile-region', 'credit'),
    value: '<img src=x onerror=alert(34)> P34 credit',
    shows: '<img src=x onerror=alert(34)> P34 credit',
  },
];
