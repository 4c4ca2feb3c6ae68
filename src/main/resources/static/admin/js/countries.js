// Every country of Chancery (ISO 3166-1, the dissolved states, user-assigned codes) in one CSV request,
// kept for the page's life: names for codes, lifetimes for the map, choices for forms.
import { csv } from './api.js';

let loading = null;

/** A Map from alpha-2 code to {code, alpha3, numeric, name, startedOn, endedOn, former}. */
export function countries() {
  if (!loading) {
    loading = csv('/api/countries', { sort: 'name,asc' }).then((rows) => {
      const byCode = new Map();
      for (const row of rows) {
        if (byCode.has(row.code)) continue;
        byCode.set(row.code, {
          code: row.code,
          alpha3: row.alpha3,
          numeric: row.numeric,
          name: row.name,
          startedOn: row.startedOn,
          endedOn: row.endedOn,
          former: row.former === 'true',
        });
      }
      return byCode;
    }).catch((e) => {
      loading = null;
      throw e;
    });
  }
  return loading;
}

/** Forgets the countries read, after a country was added or changed: the next use reads them again. */
export function forgetCountries() {
  loading = null;
}

/** Whether a country existed on an ISO day (no known lifetime: it did). */
export function existsOn(country, day) {
  if (!country) return false;
  if (country.startedOn && day < country.startedOn) return false;
  if (country.endedOn && day > country.endedOn) return false;
  return true;
}

/** Countries sorted by name, for a <select>. */
export function byName(map) {
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
