// Words for the API's codes, and dates as people read them.

const WORDS = {
  ESTABLISHED: 'Established',
  SEVERED: 'Severed',
  RESTORED: 'Restored',
  NONE: 'None',
  CONSULAR_ESTABLISHED: 'Consular relations established',
  CONSULAR_SEVERED: 'Consular relations severed',
  EMBASSY: 'Embassy',
  HIGH_COMMISSION: 'High commission',
  NUNCIATURE: 'Nunciature',
  LEGATION: 'Legation',
  PROVISIONAL_OFFICE: 'Provisional office',
  LIAISON_OFFICE: 'Liaison office',
  INTERESTS_SECTION: 'Interests section',
  CONSULATE_GENERAL: 'Consulate general',
  CONSULATE: 'Consulate',
  HONORARY_CONSULATE: 'Honorary consulate',
  PLANNED: 'Planned',
  OPEN: 'Open',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
  ACHIEVED: 'Achieved',
  OVERDUE: 'Overdue',
  PENDING: 'Pending',
  AMBASSADOR: 'Ambassador',
  ENVOY: 'Envoy',
  CONSUL: 'Consul',
  CHARGE_D_AFFAIRES: "Chargé d'affaires",
  CHARGE_D_AFFAIRES_AD_INTERIM: "Chargé d'affaires ad interim",
  OTHER: 'Other presence',
  MEETING: 'Meeting',
  FIRST_MEETING_SINCE_ESTABLISHMENT: 'First meeting since establishment',
  MISSION_OPENED: 'Mission opened',
  MISSION_CLOSED: 'Mission closed',
  MISSION_PLANNED: 'Mission planned',
  HEAD_OF_MISSION_STARTED: 'Head of mission started',
  HEAD_OF_MISSION_ENDED: 'Head of mission ended',
  MILESTONE_ACHIEVED: 'Milestone achieved',
  MILESTONE_DUE: 'Milestone due',
  ACCREDITATION_STARTED: 'Accreditation started',
  ACCREDITATION_ENDED: 'Accreditation ended',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  IMPORTED: 'Imported',
  MERGED: 'Merged',
  ALREADY_PRESENT: 'Already present',
  NO_FACT: 'No fact',
  REJECTED: 'Rejected',
  VISIT: 'Visit',
  THIRD_LOCATION: 'Third location',
  DAY: 'Day',
  MONTH: 'Month',
  YEAR: 'Year',
  CREATED: 'Created',
  UPDATED: 'Updated',
  DELETED: 'Deleted',
};

export function words(code) {
  if (code === null || code === undefined) return '—';
  return WORDS[code] || String(code).toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Whether a job ran to its end with rows it rejected: "Succeeded" alone would read as "all of it is in". */
export function someRejected(job) {
  return job.status === 'SUCCEEDED' && (job.outcomes?.REJECTED ?? 0) > 0;
}

/** A job's status in words, the rows it rejected said where it succeeded with some: "Succeeded: 6 of 6 rows rejected". */
export function jobStatus(job) {
  return someRejected(job) ? `${words(job.status)}: ${number(job.outcomes.REJECTED)} of ${number(job.rowsTotal)} rows rejected`
    : words(job.status);
}

/**
 * Dissolved states whose relations the history data records under the code of the state that continues them: COW
 * numbers the Russian Empire, the Soviet Union and Russia as one state, and Yugoslavia and Serbia as one, and the
 * project's crosswalk (src/main/resources/history/cow-crosswalk.csv) files them under RU and RS.
 */
export const RECORDED_UNDER = { SU: 'RU', YU: 'RS' };

/** Why a mission closed, for the reasons the rules and the imports record as codes (worded as in the timeline). */
export const CLOSING_REASONS = {
  SUPERSEDED: 'Superseded by a mission opened in its place',
  RELATIONS_SEVERED: 'Diplomatic relations severed',
  GAP: 'The state left the state system for a while',
  STATE_ENDED: 'The state ceased to exist',
  REPRESENTATION_CHANGED: 'The level of representation changed',
};

/** A closing reason in words: a code as a sentence, a reason a person typed as it is. */
export function closingReason(reason) {
  return CLOSING_REASONS[reason] || reason;
}

export const RELATION_EVENT_TYPES = ['ESTABLISHED', 'SEVERED', 'RESTORED', 'CONSULAR_ESTABLISHED', 'CONSULAR_SEVERED'];
export const MISSION_TYPES = ['EMBASSY', 'HIGH_COMMISSION', 'NUNCIATURE', 'LEGATION', 'PROVISIONAL_OFFICE',
  'LIAISON_OFFICE', 'INTERESTS_SECTION', 'CONSULATE_GENERAL', 'CONSULATE', 'HONORARY_CONSULATE'];
/** The consular posts among the mission types; every other type is a diplomatic mission. */
export const CONSULAR_TYPES = ['CONSULATE_GENERAL', 'CONSULATE', 'HONORARY_CONSULATE'];
export const MISSION_STATUSES = ['PLANNED', 'OPEN', 'CLOSED', 'CANCELLED'];
export const HEAD_RANKS = ['AMBASSADOR', 'ENVOY', 'CHARGE_D_AFFAIRES', 'CHARGE_D_AFFAIRES_AD_INTERIM'];
export const MILESTONE_STATUSES = ['OVERDUE', 'PENDING', 'ACHIEVED', 'CANCELLED'];
export const RELATION_STATUSES = ['ESTABLISHED', 'SEVERED', 'NONE'];
export const ACCREDITATION_LEVELS = ['AMBASSADOR', 'ENVOY', 'CONSUL'];
export const OBSERVATION_LEVELS = ['AMBASSADOR', 'ENVOY', 'CHARGE_D_AFFAIRES', 'OTHER', 'NONE'];
export const PRECISIONS = ['DAY', 'MONTH', 'YEAR'];

/** A fact's date with its precision: 1959 for YEAR, 2024-07 for MONTH, the day otherwise. */
export function fuzzy(date, precision) {
  if (!date) return '—';
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}

/**
 * The page of a list an address asks for (`?page=`, counted from 0) and, where it names none that can be shown,
 * the notice saying so: an address is never silently replaced.
 */
export function pageOf(query) {
  const given = query.page ?? '';
  if (given === '' || /^\d+$/.test(given)) return { page: Number(given) || 0, notice: null };
  return { page: 0, notice: `“${given}” is not a page number: the first page is shown.` };
}

const NUMBERS = new Intl.NumberFormat('en-GB');

/** A count as people read it, its thousands grouped: 310,820. */
export function number(count) {
  return NUMBERS.format(count);
}

/** A count with its noun: 1 country, 2 countries, 1,204 countries. */
export function plural(count, one, many = `${one}s`) {
  return `${number(count)} ${count === 1 ? one : many}`;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/** A day of the calendar written YYYY-MM-DD (2023-02-29 and 2024-04-31 are not: Date.parse accepts them). */
export function isIsoDay(value) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function instant(value) {
  if (!value) return '—';
  return value.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

