// The five publications the product is built from (docs/domain.md, Sources), cited by every
// factor, finding and event kind so a practitioner (or a reviewer) can trace each one back to the
// sentence it comes from. A citation is a publication and where in it; citationText writes it the
// one way every page, export and API answer shows it.

export type SourceId = 'derby-review' | 'nspcc-infants-2018' | 'northamptonshire-babies-under-one' | 'bsw-unborn-babies-and-under-1s' | 'infant-harm-briefing';

export interface Source {
  id: SourceId;
  /** The body that published it; null where the publication does not say. */
  author: string | null;
  title: string;
  /** Year of publication; null where the publication gives no date. */
  year: number | null;
  /** What kind of publication it is and what it covers, in plain words. */
  about: string;
  /** A public address for it, only where one is known for certain; none of the five gives its own. */
  link: string | null;
  /** Public guidance the publication points to, with the address it gives. */
  pointsTo: readonly { title: string; link: string }[];
}

/** In the order the guidance page lists them. */
export const SOURCES = {
  derby: {
    id: 'derby-review',
    author: 'Derby and Derbyshire Safeguarding Children Partnership',
    title: 'Child Safeguarding Practice Review: joint review of Infant 1 and Infant 2',
    year: 2022,
    about:
      'A joint review of two babies, with learning from a third (Infant 3), by an independent author, Dr Liz Adamson; ' +
      'final version 1 December 2022. It asks for an Infant Care Profile for every baby. Parts: 4 key learning themes, ' +
      '5 each case, 6 joint themes, 7 conclusion, 8 actions, 9 recommendations.',
    link: null,
    pointsTo: [],
  },
  nspccInfants: {
    id: 'nspcc-infants-2018',
    author: 'NSPCC Information Service',
    title: 'Infants: learning from case reviews',
    year: 2018,
    about:
      'A summary of risk factors and learning for improved practice around working with children aged two and under, ' +
      'from case reviews published in 2017; published March 2018. Sections: reasons case reviews were commissioned, ' +
      'key issues around infants in case reviews, learning for improving practice.',
    link: null,
    pointsTo: [],
  },
  northants: {
    id: 'northamptonshire-babies-under-one',
    author: 'Northamptonshire Safeguarding Children Partnership',
    title: 'Babies under one year: reducing avoidable harm by recognising risk and protective factors',
    year: null,
    about:
      'A briefing for practitioners in every agency, from serious case reviews in Northamptonshire and national learning. ' +
      'Sections: 1.0 introduction, 2.0 parent and family factors, 3.0 child factors, 4.0 environmental factors, ' +
      '5.0 roles, responsibilities and next steps.',
    link: null,
    pointsTo: [],
  },
  bsw: {
    id: 'bsw-unborn-babies-and-under-1s',
    author: 'Bath and North East Somerset Community Safety and Safeguarding Partnership and Wiltshire Safeguarding Vulnerable People Partnership',
    title: 'Learning from case reviews to support our practice in safeguarding unborn babies and under 1s',
    year: null,
    about:
      'Workshop slides for Bath and North East Somerset, Swindon and Wiltshire, from local and national case reviews: ' +
      'the vulnerability of babies, "invisible men", information sharing, local practice themes, tools, bruising in ' +
      'non-mobile babies and key messages.',
    link: null,
    pointsTo: [
      {
        title: 'Multi-agency guidance on bruising and injuries in non-mobile babies (Wiltshire)',
        link: 'http://www.wiltshirescb.org.uk/wp-content/uploads/2019/02/FINAL-Multi-agency-guidance-Bruising-and-injuries_non-mobile.pdf',
      },
    ],
  },
  nspccBriefing: {
    id: 'infant-harm-briefing',
    author: null,
    title: 'Deaths of, or significant harm to infants',
    year: null,
    about:
      "A practice discussion briefing on the NSPCC's analysis of serious case reviews published in England and Wales " +
      'from 2018 to 2022 about children aged two or under who died or were seriously harmed. Key issues: a, parents’ ' +
      'own experiences; b, identifying vulnerable infants; c, parents struggling to meet the baby’s needs; ' +
      'd, over-optimism and lack of curiosity; e, unsafe sleeping; f, the roles and relationships around the child.',
    link: null,
    pointsTo: [],
  },
} as const satisfies Record<string, Source>;

export const SOURCE_LIST: readonly Source[] = Object.values(SOURCES);

/** A publication and where in it: "§9.1", "§5.24 and §7.3", "key issue d", a slide's or section's title in quotes. */
export interface Citation {
  source: Source;
  section: string;
}

/** What a definition cites: one citation, or several. */
export type Cites = Citation | readonly Citation[];

export function cite(source: Source, section: string): Citation {
  return { source, section };
}

export function citationList(cites: Cites): readonly Citation[] {
  return 'source' in cites ? [cites] : cites;
}

/** "Derby and Derbyshire Safeguarding Children Partnership, Child Safeguarding Practice Review: …, 2022": author, title and year, "undated" when it has none. */
export function sourceText(source: Source): string {
  return [source.author, source.title, source.year === null ? 'undated' : String(source.year)].filter((part) => part !== null).join(', ');
}

/** "Derby and Derbyshire Safeguarding Children Partnership, Child Safeguarding Practice Review: …, 2022, §9.1". */
export function citationText(citation: Citation): string {
  return `${sourceText(citation.source)}, ${citation.section}`;
}

/** Several citations in one line, separated by semicolons. */
export function citationsText(citations: readonly Citation[]): string {
  return citations.map(citationText).join('; ');
}
