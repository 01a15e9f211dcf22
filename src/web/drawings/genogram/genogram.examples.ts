// Example families for the tests and the preview script: the 15-person, three-generation household
// with two former partners that the diagram must keep readable, and the smallest families.
import type { GenogramInput, GenogramPerson, GenogramRelationship } from './genogram.model.ts';

type PersonSketch = Pick<GenogramPerson, 'id' | 'label' | 'sex' | 'relationshipToInfant'> & Partial<GenogramPerson>;

function person(p: PersonSketch): GenogramPerson {
  return { livesInHousehold: false, caresForInfant: false, identityKnown: true, deceased: false, dateOfBirth: null, ...p };
}

const rel = (personId: string, kind: GenogramRelationship['kind'], otherPersonId: string): GenogramRelationship => ({ personId, otherPersonId, kind });

export const hrefForExample = (id: string): string => `/cases/case-1/people/${id}`;

export function largeHousehold(): GenogramInput {
  return {
    infant: { id: 'ruby', label: 'Ruby Okafor', sex: 'female', unborn: false },
    people: [
      person({ id: 'jade', label: 'Jade Okafor', sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, dateOfBirth: '1998-03-02' }),
      person({ id: 'tom', label: 'Tom Hale', sex: 'male', relationshipToInfant: 'mothers-partner', livesInHousehold: true, caresForInfant: true, dateOfBirth: '1994-07-19' }),
      person({ id: 'kyle', label: 'Kyle Brown', sex: 'male', relationshipToInfant: 'father', caresForInfant: true, dateOfBirth: '1996-11-30' }),
      person({ id: 'dean', label: 'Dean Price', sex: 'male', relationshipToInfant: 'mothers-partner', dateOfBirth: '1990-01-12' }),
      person({ id: 'lisa', label: 'Lisa Grant', sex: 'female', relationshipToInfant: 'fathers-partner', dateOfBirth: '1997-05-05' }),
      person({ id: 'grace', label: 'Grace Okafor', sex: 'female', relationshipToInfant: 'grandparent', caresForInfant: true, dateOfBirth: '1972-09-14' }),
      person({ id: 'samuel', label: 'Samuel Okafor', sex: 'male', relationshipToInfant: 'grandparent', dateOfBirth: '1969-04-02' }),
      person({ id: 'pauline', label: 'Pauline Brown', sex: 'female', relationshipToInfant: 'grandparent', deceased: true, dateOfBirth: '1966-02-20' }),
      person({ id: 'mia', label: 'Mia Price', sex: 'female', relationshipToInfant: 'half-sibling', livesInHousehold: true, dateOfBirth: '2016-06-01' }),
      person({ id: 'leo', label: 'Leo Price', sex: 'male', relationshipToInfant: 'half-sibling', livesInHousehold: true, dateOfBirth: '2018-08-21' }),
      person({ id: 'noah', label: 'Noah Brown', sex: 'male', relationshipToInfant: 'sibling', livesInHousehold: true, dateOfBirth: '2023-01-15' }),
      person({ id: 'ava', label: 'Ava Grant', sex: 'female', relationshipToInfant: 'half-sibling', dateOfBirth: '2020-10-10' }),
      person({ id: 'unknown-man', label: 'Man staying at the home', sex: 'male', relationshipToInfant: 'unknown', livesInHousehold: true, identityKnown: false }),
      person({ id: 'beatrice', label: 'Beatrice Okafor', sex: 'female', relationshipToInfant: 'other-relative', caresForInfant: true, dateOfBirth: '1951-12-03' }),
    ],
    relationships: [
      rel('jade', 'partners', 'tom'),
      rel('jade', 'separated', 'kyle'),
      rel('jade', 'ex-partners', 'dean'),
      rel('kyle', 'ex-partners', 'lisa'),
      rel('grace', 'partners', 'samuel'),
      rel('grace', 'parent-of', 'jade'),
      rel('samuel', 'parent-of', 'jade'),
      rel('pauline', 'parent-of', 'kyle'),
      rel('jade', 'parent-of', 'mia'),
      rel('dean', 'parent-of', 'mia'),
      rel('jade', 'parent-of', 'leo'),
      rel('dean', 'parent-of', 'leo'),
      rel('kyle', 'parent-of', 'ava'),
      rel('lisa', 'parent-of', 'ava'),
    ],
    hrefFor: hrefForExample,
  };
}

export function motherOnly(): GenogramInput {
  return {
    infant: { id: 'baby', label: 'Baby Ashworth', sex: 'male', unborn: false },
    people: [person({ id: 'mum', label: 'Kerry Ashworth', sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true })],
    relationships: [],
    hrefFor: hrefForExample,
  };
}

export function unbornWithUnknownFather(): GenogramInput {
  return {
    infant: { id: 'unborn', label: 'Unborn baby Ashworth', sex: 'unknown', unborn: true },
    people: [
      person({ id: 'mum', label: 'Kerry Ashworth', sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true }),
      person({ id: 'dad', label: 'Father (name not known)', sex: 'male', relationshipToInfant: 'father', identityKnown: false }),
    ],
    relationships: [],
    hrefFor: hrefForExample,
  };
}
