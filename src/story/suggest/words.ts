// The English words suggest reads around a name: data, in one place. Lowercase.
import type { PlaceKind } from '../../catalogue/kinds.ts';

/** Words that start sentences and are never names themselves ("In Odesa", "At Reni"). */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without into onto over under ' +
    'near across along through between among around about after before since until during while ' +
    'when where whether if as than then there here this that these those it its he she they we i ' +
    'you his her their our my your who whom whose which what why how all both each every some any ' +
    'many most more other such no not only also even still last next meanwhile however although ' +
    'though because once now today yesterday tomorrow one two three four five six seven eight nine ten'
  ).split(' '),
);

/** Words that may stand before a place name without making it part of another name. */
export const DESCRIPTORS = new Set(
  (
    'north south east west northern southern eastern western central northeast northwest ' +
    'southeast southwest northeastern northwestern southeastern southwestern upper lower greater ' +
    'inner outer coastal occupied mainland'
  ).split(' '),
);

/** A word after (or before "of") a name that says what kind of place it is: "Odesa region". */
export const KIND_WORDS: Record<string, PlaceKind> = {
  region: 'region',
  regions: 'region',
  oblast: 'region',
  oblasts: 'region',
  province: 'region',
  provinces: 'region',
  state: 'region',
  governorate: 'region',
  prefecture: 'region',
  county: 'region',
  district: 'region',
  krai: 'region',
  territory: 'region',
  river: 'river',
  rivers: 'river',
  delta: 'river',
  basin: 'river',
  valley: 'river',
  estuary: 'river',
  sea: 'sea',
  strait: 'strait',
  straits: 'strait',
  lake: 'lake',
  city: 'city',
  town: 'city',
  port: 'city',
  harbour: 'city',
  harbor: 'city',
};

/** Parts of a place that, capitalised, name a place of their own: "the Nile Delta", "Amazon Basin". */
export const PART_WORDS = new Set(['delta', 'basin', 'valley', 'estuary', 'plateau', 'peninsula']);

/** Words that name a kind for the places before them too: "Kherson and Mykolaiv regions". */
export const PLURAL_KIND_WORDS = new Set(['regions', 'oblasts', 'provinces', 'rivers', 'straits']);

/** Capitalised words that are never place names here. */
export const CALENDAR = new Set(
  (
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** Demonyms no suffix rule finds, with the country they belong to (its English name). */
export const IRREGULAR_DEMONYMS: Record<string, string | null> = {
  french: 'France',
  dutch: 'Netherlands',
  swiss: 'Switzerland',
  greek: 'Greece',
  welsh: 'United Kingdom',
  scottish: 'United Kingdom',
  filipino: 'Philippines',
  filipinos: 'Philippines',
  emirati: 'United Arab Emirates',
  emiratis: 'United Arab Emirates',
  thai: 'Thailand',
  lao: 'Laos',
  abkhaz: null,
  ossetian: null,
  kurdish: null,
  arab: null,
  arabs: null,
  persian: 'Iran',
  turkic: null,
  slavic: null,
};

/** Endings of regular demonyms, longest first: Russ-ian, Sudan-ese, Turk-ish, Yemen-i. */
export const DEMONYM_ENDINGS = ['ians', 'eans', 'ian', 'ean', 'ans', 'ese', 'ish', 'an', 'is', 'i'];
