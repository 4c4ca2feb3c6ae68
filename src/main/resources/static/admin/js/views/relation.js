// A relation's page (#/relations/CU/KR?asOf=…): how the pair stood on a day, its story as a picture and as
// a list, missions both ways with their heads, accreditations, milestones (overdue ones stand out), and
// the writes that belong to a pair: record or delete an event, plan a milestone, record an accreditation, and delete
// a milestone or an accreditation recorded by mistake.
import { html, svg, render, nothing } from 'lit-html';
import { get, post, del, all, csv, ApiError } from '../api.js';
import { onSignInOrOut } from '../auth.js';
import { countries } from '../countries.js';
import { href, navigate, replace } from '../router.js';
import { number, plural, words, fuzzy, today, isIsoDay, closingReason, CLOSING_REASONS, RELATION_EVENT_TYPES, PRECISIONS, RECORDED_UNDER,
  ACCREDITATION_LEVELS, CONSULAR_TYPES } from '../format.js';
import { formState, field, endOrStart, sourceFields, sourcesFrom, problem, submit, submitButton, readError, done, rowProblem, rowControl, escapeKeeps,
  replacing, fieldMessages, rowDay } from '../forms.js';
import { diplomatChoice } from '../diplomat-search.js';
import { drawTimeline, MISSION_STYLES } from './timeline-chart.js';

/**
 * The facts of the pair last shown that do not change with the day asked for (its story, missions both ways,
 * accreditations), handed to the page of another day that the page's own day form or Today link opens, within a
 * minute: a busy pair's are hundreds of kilobytes, which every change of the day read again. Any other
 * way to the pair (an address, a link, back), and a write from the page, reads them anew.
 */
const KEPT_MS = 60_000;
let kept = null; // {key, at, items, ab, ba, accreditations, handed: when handed over, 0 if not}

/**
 * Every item of the pair's story in one request, its CSV's rows made the JSON's items again: read as JSON, a story
 * took a request per 200 items, each reading the pair's facts and its meetings up to the page anew (the bench's
 * US–FR, 961 items: five requests, 174 kB, 127 ms on a 2-core machine; as CSV one, 97 kB, 40 ms). A story the server
 * cannot export now (503: as many long exports under way as it writes at once, its temporary folder full) is read
 * as the JSON's pages, which answer meanwhile (a 503 of another cause, the server loading or overloaded, answers
 * their first page too, and no other is asked for).
 */
async function storyOf(a, b, options) {
  let rows;
  try {
    rows = await csv(`/api/relations/${a}/${b}/timeline`, {}, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 503) return all(`/api/relations/${a}/${b}/timeline`, {}, options);
    throw e;
  }
  return rows.map((row) => ({
    date: row.date, type: row.type, summary: row.summary, datePrecision: row.datePrecision,
    ref: { kind: row['ref.kind'], id: Number(row['ref.id']), href: row['ref.href'] },
  }));
}

/** The day a fuzzy date is compared on, as the API gives it in its words: the first of its month or year. */
function firstDayOf(day, precision) {
  if (precision === 'YEAR') return `${day.slice(0, 4)}-01-01`;
  if (precision === 'MONTH') return `${day.slice(0, 7)}-01`;
  return day;
}

/** The last day of the period a fuzzy date stands for: its month's or its year's, or the day itself. */
function lastDayOf(day, precision) {
  if (precision === 'YEAR') return `${day.slice(0, 4)}-12-31`;
  if (precision === 'MONTH') {
    const last = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
    return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}`;
  }
  return day;
}

/**
 * Whether an item falls in the period from `from` to `to`: its day, or, for a date known to the month or the year
 * only, any day of that month or year (1950, known to the year, is in a period from 1950-06-01: it may be its day).
 */
function inPeriod(item, from, to) {
  return firstDayOf(item.date, item.datePrecision) <= to && lastDayOf(item.date, item.datePrecision) >= from;
}

/** Whether an item in the period from `from` to `to` may also lie outside it: its month or year reaches beyond. */
function partlyInPeriod(item, from, to) {
  return firstDayOf(item.date, item.datePrecision) < from || lastDayOf(item.date, item.datePrecision) > to;
}

/**
 * Where a refusal's words name a new event of this type on this day (the day as the API compares it), or -1: "RESTORED
 * on 1975-01-01" not followed by " (event 12)" (that one is recorded already), "the RESTORED event's date 1975-01-01"
 * (R22), "a severance on 1975-01-01" (what a severance would end, R20).
 */
function namedAt(detail, type, day) {
  const said = `${type} on ${day}`;
  for (let at = detail.indexOf(said); at >= 0; at = detail.indexOf(said, at + 1)) {
    if (!detail.startsWith(' (event', at + said.length)) return at;
  }
  const atItsDate = detail.indexOf(`the ${type} event's date ${day}`);
  if (atItsDate >= 0) return atItsDate;
  return type === 'SEVERED' ? detail.indexOf(`severance on ${day}`) : -1;
}

/**
 * For the event form's ruleFields: a refusal concerns the second event where its words name it as a new event and
 * the first not before it, else the first.
 */
function eventField(first, second) {
  return (values, error) => {
    if (!values.thenType || !values.thenDate) return first;
    const detail = error.detail || '';
    const secondAt = namedAt(detail, values.thenType, firstDayOf(values.thenDate, values.thenDatePrecision));
    if (secondAt < 0) return first;
    const firstAt = values.type && values.date
      ? namedAt(detail, values.type, firstDayOf(values.date, values.datePrecision)) : -1;
    return firstAt >= 0 && firstAt < secondAt ? first : second;
  };
}

/** Where a story item's fact is shown: its own page, or its row on this page (`rows`: the ids of the rows shown). */
function itemLink(item, a, rows) {
  const { kind, id } = item.ref || {};
  if ((kind === 'event' || kind === 'accreditation') && rows[kind].has(id)) return `#${kind}-${id}`;
  if (kind === 'mission') return href(`/missions/${id}`);
  if (kind === 'meeting') return href(`/meetings/${id}`);
  if (kind === 'milestone') return href('/milestones', { country: a });
  const mission = kind === 'head' && /^\/api\/missions\/(\d+)\//.exec(item.ref.href || '');
  if (mission) return href(`/missions/${mission[1]}`);
  return null;
}

const DIPLOMATIC_EVENTS = ['ESTABLISHED', 'SEVERED', 'RESTORED'];
/**
 * How many of the story's items the list shows at first, and adds at each "Show more": a story of a thousand items
 * (a pair with a meeting a week) laid out at once held the page for a second.
 */
const STORY_STEP = 200;

/**
 * The chart's period as the address asks for it, or why it cannot be shown: a part that is no day, or an end
 * before the start. The chart then shows the period it chooses itself.
 */
function periodAsked(query) {
  const notDay = [query.from, query.to].find((day) => day && !isIsoDay(day));
  if (notDay) return { notice: `“${notDay}” is not a day (YYYY-MM-DD): the picture shows the period it chooses.` };
  if (Boolean(query.from) !== Boolean(query.to)) {
    return { notice: `A period needs both its days (from and to): the address gives only its ${query.from ? 'start'
      : 'end'}, and the picture shows the period it chooses.` };
  }
  if (query.from && query.to && query.to < query.from) {
    return { notice: `The period asked for ends (${query.to}) before it begins (${query.from}): the picture shows the `
      + 'period it chooses.' };
  }
  return { from: query.from || null, to: query.to || null };
}

export default async function relationView({ root, params, query, signal }) {
  const names = {};
  const asked = periodAsked(query);
  const state = {
    asOf: isIsoDay(query.asOf) ? query.asOf : null,
    from: asked.from || null,
    to: asked.to || null,
    chosenPeriod: Boolean(asked.from && asked.to),
    periodNotice: asked.notice || null,
    periodRefused: null, // why what the period's fields hold cannot be shown
    wholeHistory: false, // the whole history asked for (no period chosen, but the picture shows it all)
    periodSaid: '', // the period chosen, said aloud once it is chosen (not at each move of a brush being dragged)
    loaded: false,
    error: null,
    actionError: null,
    actionKey: null,
    acting: null, // the row whose action is being sent: a second click sends nothing
    confirm: null,
    achieving: null,
    ending: null,
    view: null,
    lifetime: null,
    formers: [], // the dissolved states whose relations the history data records under a country of the pair
    countries: [], // the pair's two countries as Chancery knows them, with their lifetimes
    items: [],
    storyShown: STORY_STEP, // how many of the story's items the list shows (the first, oldest first)
    missions: [],
    accreditations: [],
    // the accreditation form's diplomat: searched by name among the sending country's, then chosen
    accreditationSearch: { q: '' },
    accreditationDiplomat: null,
    accreditationSending: null, // the sending country the form's select holds (the first of the pair until changed)
    accreditationFrom: null, // the day the form's From holds
    // the sending country's diplomatic missions in third countries open on that day, where its head may reside:
    // {key: 'sending|day', list, busy, error}
    residentMissions: null,
  };
  // the address keeps no period the page does not show
  if (asked.notice) replace(`/relations/${params.a}/${params.b}`, { asOf: query.asOf, record: query.record });
  const forms = {
    event: formState('event', { ruleFields: { R1: eventField('type', 'thenType'), '*': eventField('date', 'thenDate') } }),
    milestone: formState('milestone', { ruleFields: { MISSION_NOT_IN_RELATION: 'missionId', MILESTONE_STATUS_INVALID: 'missionId' } }),
    accreditation: formState('accreditation', { ruleFields: { RESIDENT_MISSION_INVALID: 'residentMissionId',
      DIPLOMAT_NOT_OF_SENDING_COUNTRY: 'diplomatId', R23: 'from',
      COUNTRY_NOT_IN_EXISTENCE: endOrStart('to', 'from') } }),
  };
  let chart = null;
  let a = params.a.toUpperCase();
  let b = params.b.toUpperCase();

  /** Reads the pair; `reuse`: the facts handed over by the same pair's page of another day are taken as they are. */
  async function load({ reuse = false } = {}) {
    const known = countries();
    // a pair named by its alpha-2 codes is read at once, beside the countries (read once a session); one named by
    // alpha-3 codes (#/relations/CUB/KOR) once they tell its alpha-2 codes
    const alpha2 = (code) => /^[A-Z]{2}$/.test(code);
    const map = alpha2(a) && alpha2(b) ? null : await known;
    if (map) {
      const resolve = (code) => map.get(code)?.code || [...map.values()].find((c) => c.alpha3 === code)?.code || code;
      a = resolve(a);
      b = resolve(b);
    }
    const key = `${a}/${b}`;
    // handed over just now (a navigation that opened no page leaves nothing handed for later)
    const handed = kept && Date.now() - kept.handed < 5_000;
    const fresh = reuse && handed && kept.key === key && Date.now() - kept.at < KEPT_MS ? kept : null;
    if (kept) kept.handed = 0;
    const reads = Promise.allSettled([
      get(`/api/relations/${a}/${b}`, { asOf: state.asOf }, { signal }),
      fresh?.items ?? storyOf(a, b, { signal }),
      fresh?.ab ?? all('/api/missions', { sending: a, receiving: b }, { signal }),
      fresh?.ba ?? all('/api/missions', { sending: b, receiving: a }, { signal }),
      fresh?.accreditations ?? all(`/api/relations/${a}/${b}/accreditations`, {}, { signal }),
    ]);
    // the pair's names, also for a page that says its facts could not be read
    pairOf(map || await known);
    const settled = await reads;
    // a refusal of the pair's own read is said rather than another's that came first (an unknown code is the
    // relation's 404, not the mission list's 400 for its `sending` parameter)
    const refused = settled.find((read) => read.status === 'rejected');
    if (refused) throw refused.reason;
    const [view, items, ab, ba, accreditations] = settled.map((read) => read.value);
    if (!fresh) kept = { key, at: Date.now(), items, ab, ba, accreditations, handed: 0 };
    Object.assign(state, { view, items, missions: [...ab, ...ba], accreditations, loaded: true, error: null });
  }

  /** Where the history data records the relations of a dissolved state of the pair: under its continuator's code. */
  function recordedUnder() {
    const [former, other] = RECORDED_UNDER[a] ? [a, b] : [b, a];
    const under = RECORDED_UNDER[former];
    const otherUnder = RECORDED_UNDER[other] || other;
    if (!under || under === otherUnder) return nothing;
    return html` <span id="recorded-under">The history data records the relations of ${names[former] || former} under
      ${names[under] || under}, whose COW state it is: see <a href=${href(`/relations/${under}/${otherUnder}`,
        { asOf: query.asOf })}>${under} – ${otherUnder}</a>.</span>`;
  }

  /** The pair's names and lifetimes, from the countries Chancery knows. */
  function pairOf(map) {
    for (const code of [a, b]) names[code] = map.get(code)?.name || code;
    state.countries = [a, b].map((code) => map.get(code)).filter(Boolean);
    // the days both countries existed, as far as Chancery knows their lifetimes
    const starts = [a, b].map((code) => map.get(code)?.startedOn).filter(Boolean).sort();
    const ends = [a, b].map((code) => map.get(code)?.endedOn).filter(Boolean).sort();
    state.lifetime = { from: starts[starts.length - 1] || null, to: ends[0] || null };
    // a former state recorded under a country of the pair, while the other country existed too
    const other = (code) => map.get(code === a ? b : a);
    state.formers = Object.entries(RECORDED_UNDER)
      .filter(([former, under]) => [a, b].includes(under) && ![a, b].includes(former) && map.get(former))
      .map(([former, under]) => ({ ...map.get(former), under }))
      .filter((former) => !former.endedOn || !other(former.under)?.startedOn
        || other(former.under).startedOn < former.endedOn);
  }

  /**
   * On the page of a pair whose history data holds a former state's relations under a country of the pair (the
   * Soviet Union's under Russia, its COW state): that its story holds them too, and for which years.
   */
  function holdsFormers() {
    if (!state.formers.length) return nothing;
    // where both countries hold a former state's (Russia and Serbia the Soviet Union's and Yugoslavia's), the two
    // former states' own pair is where their relations are recorded as such: linked once, from the first
    const linked = new Set();
    const pairs = (former) => {
      const other = former.under === a ? b : a;
      const otherFormer = state.formers.find((f) => f.under === other);
      return [other, otherFormer?.code].filter(Boolean).filter((code) => {
        const key = [former.code, code].sort().join('/');
        return !linked.has(key) && linked.add(key);
      });
    };
    const links = (former) => pairs(former).map((code, i) => html`${i ? ' and ' : ''}<a href=${href(
      `/relations/${former.code}/${code}`, { asOf: query.asOf })}>${former.code} – ${code}</a>`);
    return html`<p class="notice" id="holds-former">${state.formers.map((former, i) => html`${i ? ' ' : ''}The
      history data records the relations of ${former.name} (<span class="date">${former.startedOn || '…'}</span> –
      <span class="date">${former.endedOn || 'today'}</span>) under ${names[former.under] || former.under}, whose
      COW state it is: this story holds them too (see also ${links(former)}).`)}</p>`;
  }

  async function reload(reuse = false) {
    try {
      await load({ reuse });
    } catch (e) {
      if (e.name === 'AbortError') return;
      state.error = e;
    }
    update();
    drawChart();
  }

  function drawChart() {
    const container = root.querySelector('#timeline-picture');
    if (!container || !state.view) return;
    // the period a person chose (brush, fields, address) stays; otherwise the chart chooses again with the new facts
    const previous = state.chosenPeriod && state.from && state.to ? [state.from, state.to] : null;
    chart = drawTimeline(container, {
      a, b, names, items: state.items, missions: state.missions, milestones: state.view.milestones,
      asOf: state.view.asOf, today: today(), lifetime: state.lifetime,
    }, {
      domain: previous,
      onDomain: (from, to, settled) => {
        Object.assign(state, { from, to, chosenPeriod: true, wholeHistory: false, periodNotice: null, periodRefused: null });
        syncAddress();
        if (settled) sayPeriod(periodWords());
        update();
      },
      onOpenMission: (id) => navigate(`/missions/${id}`),
    });
    if (state.wholeHistory) chart.setDomain(...chart.whole);
    const [from, to] = chart.domain();
    // a period chosen that the picture widened (one day is shown as a month): the address says what is shown
    const widened = state.chosenPeriod && (from !== state.from || to !== state.to);
    state.from = from;
    state.to = to;
    if (widened) syncAddress();
    update();
  }

  /** The address of the page as it shows the pair: its day, and the period only if one was chosen. */
  function syncAddress() {
    replace(`/relations/${params.a}/${params.b}`, { asOf: state.asOf, record: query.record,
      from: state.chosenPeriod ? state.from : undefined, to: state.chosenPeriod ? state.to : undefined });
  }

  function setPeriod(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const from = data.get('from');
    const to = data.get('to');
    state.periodNotice = null;
    state.periodRefused = !isIsoDay(from) || !isIsoDay(to) ? 'Give both days of the period.'
      : to < from ? `The period ends (${to}) before it begins (${from}).` : null;
    if (state.periodRefused) {
      update();
      return;
    }
    if (chart) {
      chart.setDomain(from, to);
      [state.from, state.to] = chart.domain();
      state.chosenPeriod = true;
      state.wholeHistory = false;
      sayPeriod(periodWords());
      syncAddress();
      update();
    }
  }

  /** Shows `count` more of the story's items (all with none given); the first of them takes the focus. */
  function showMoreItems(count) {
    const first = state.storyShown;
    // all of it stays all of it: a write that adds an item shows it too
    state.storyShown = count ? first + count : Infinity;
    update();
    const item = root.querySelector(`#story-items li:nth-child(${first + 1})`);
    if (item) {
      item.tabIndex = -1;
      item.focus();
    }
  }

  /**
   * Shows the whole history: no period is chosen any more (the address names none, and new facts may widen it). The
   * button of the notice above the list leaves with the notice: the list, now of every item, takes the focus.
   */
  function wholeHistory(event) {
    if (!chart) return;
    const fromNotice = Boolean(event?.currentTarget?.closest('#story-period'));
    chart.setDomain(...chart.whole);
    [state.from, state.to] = chart.domain();
    Object.assign(state, { chosenPeriod: false, wholeHistory: true, periodNotice: null, periodRefused: null });
    sayPeriod(periodWords());
    syncAddress();
    update();
    if (fromNotice) root.querySelector('#story-items')?.focus();
  }

  /**
   * What the row `key` acted on, as the page holds it: a milestone or an accreditation itself; for an event,
   * the pair's events (whether one may be deleted depends on the others).
   */
  function factOf(key) {
    const [kind, id] = key.split('-');
    if (kind === 'milestone') return state.view?.milestones.find((m) => String(m.id) === id) ?? null;
    if (kind === 'accreditation') return state.accreditations?.find((x) => String(x.id) === id) ?? null;
    return state.view?.events ?? null;
  }

  /** Whether what the row `key` acted on is no longer as the page shows it (another client's write): read again to tell. */
  async function changedMeanwhile(key) {
    const before = JSON.stringify(factOf(key));
    try {
      await load();
    } catch (e) {
      return false; // not read: the refusal stays in its row, as it came
    }
    return JSON.stringify(factOf(key)) !== before;
  }

  /** Whether the action of the row `key` is being sent, for its button's `aria-busy`. */
  const busy = (key) => (state.acting === key ? 'true' : nothing);
  /** Whether an action of any row is being sent: every row's button to send one says it takes none meanwhile. */
  const held = () => (state.acting ? 'true' : nothing);

  /** A form's write: what the last row action did is no longer what was done last. */
  function submitted(event, form, action) {
    state.actionDone = null;
    return submit(event, form, update, action);
  }

  /**
   * An action taken from a row; `key` names the row, where its problem is shown. What it did is said above the
   * table of `section` and takes the focus, which its row, changed or gone, no longer holds.
   */
  async function act(key, action, section, text, formOf) {
    if (state.acting) return; // a double click sends the action once
    // tried again after signing in: a form's action is sent again as the form now reads (submitted anew)
    state.retry = () => {
      const form = formOf?.();
      return form ? form.requestSubmit() : act(key, action, section, text, formOf);
    };
    state.acting = key;
    state.actionError = null;
    state.actionKey = key;
    state.actionDone = null;
    Object.values(forms).forEach((form) => { form.done = null; }); // what is done is said of the last write alone
    state.actionGone = null;
    update(); // its button says it is busy
    try {
      await action();
      state.confirm = null;
      state.achieving = null;
      state.ending = null;
      state.actionDone = { section, text };
      await reload();
      root.querySelector('#row-action-done')?.focus();
    } catch (e) {
      if (e.status === 404 || (e.status === 409 && await changedMeanwhile(key))) {
        // the fact is gone or changed meanwhile (another client's write): the page shows the facts as they stand
        // now, and why, above the table — its row may no longer offer the action
        state.confirm = null;
        state.achieving = null;
        state.ending = null;
        state.actionKey = null;
        state.actionGone = { section, error: e, changed: e.status === 409 };
        await reload();
      } else {
        state.actionError = e;
        update();
      }
      root.querySelector('#row-action-problem')?.focus();
    } finally {
      // only once the page shows what the action did: a button of the row as it was takes no second click
      state.acting = null;
      update();
    }
  }

  const recordEvent = (values) => {
    const event = { type: values.type, date: values.date, datePrecision: values.datePrecision, note: values.note,
      sources: sourcesFrom(values) };
    if (!values.thenType && !values.thenDate && !values.thenDatePrecision) {
      return post(`/api/relations/${a}/${b}/events`, event).then(async (answer) => {
        await reload();
        return { events: [answer] };
      });
    }
    // with a second event, recorded together (all or none); the answer's fields named as the form's
    const then = { type: values.thenType, date: values.thenDate, datePrecision: values.thenDatePrecision };
    return post(`/api/relations/${a}/${b}/events/batch`, { events: [event, then] }).catch((e) => {
      if (e instanceof ApiError) {
        e.errors = e.errors.map((error) => ({ ...error, field: error.field.replace(/^events\[0\]\./, '')
          .replace(/^events\[1\]\.(\w)/, (_, first) => `then${first.toUpperCase()}`) }));
      }
      throw e;
    }).then(async (answer) => { await reload(); return answer; });
  };

  const planMilestone = (values) => post(`/api/relations/${a}/${b}/milestones`, {
    title: values.title, target: values.target, missionId: values.missionId ? Number(values.missionId) : undefined,
    sources: sourcesFrom(values),
  }).then(async (answer) => { await reload(); return answer; });

  const accredit = (values) => post(`/api/relations/${a}/${b}/accreditations`, {
    sendingCountry: values.sendingCountry, level: values.level, from: values.from, datePrecision: values.datePrecision,
    to: values.to, residentMissionId: values.residentMissionId ? Number(values.residentMissionId) : undefined,
    diplomatId: state.accreditationDiplomat?.id, sources: sourcesFrom(values),
  }).then(async (answer) => {
    // the form is reset: no diplomat chosen, the pair's first country sending, no day
    Object.assign(state, { accreditationDiplomat: null, accreditationSending: null, accreditationFrom: null,
      residentMissions: null });
    await reload();
    return answer;
  });

  // The From day typed digit by digit passes through days on the way (the years 0002, 0020, 0202 of 2020): the
  // missions open on it are read after a pause of the keys, or at once when the field is left; a day chosen from the
  // calendar, at once.
  const FROM_KEYS_PAUSE_MS = 600;
  const FIRST_DAY = '1583-01-01'; // the first day the API reads (the Gregorian calendar's first whole year)
  let fromKeyAt = -Infinity;
  let fromPending = null;
  signal.addEventListener('abort', () => clearTimeout(fromPending));

  function fromChanged(value) {
    state.accreditationFrom = value;
    clearTimeout(fromPending);
    fromPending = null;
    if (performance.now() - fromKeyAt < 100) {
      fromPending = setTimeout(settleFrom, FROM_KEYS_PAUSE_MS);
    } else {
      loadResidentMissions();
    }
  }

  function settleFrom() {
    if (fromPending === null) return;
    clearTimeout(fromPending);
    fromPending = null;
    loadResidentMissions();
  }

  /**
   * The missions the accreditation's head may reside at (R23): the sending country's diplomatic missions in a third
   * country, open on the form's From day, read again when the sending country or the day changes.
   */
  async function loadResidentMissions() {
    const sending = state.accreditationSending || a;
    const day = state.accreditationFrom;
    const key = `${sending}|${day}`;
    if (!isIsoDay(day) || day < FIRST_DAY) {
      state.residentMissions = null;
      update();
      return;
    }
    if (state.residentMissions?.key === key) return;
    state.residentMissions = { key, list: state.residentMissions?.list || [], busy: true, error: null };
    update();
    const receiving = sending === a ? b : a;
    let list = [];
    let error = null;
    try {
      list = (await all('/api/missions', { sending, openOn: day }, { signal }))
        .filter((m) => m.receivingCountry !== receiving && !CONSULAR_TYPES.includes(m.type));
    } catch (e) {
      if (e.name === 'AbortError') return;
      error = e;
    }
    let map = new Map();
    try {
      map = await countries();
    } catch (e) {
      if (e.name === 'AbortError') return;
      error = error || e;
    }
    if (state.residentMissions?.key !== key) return; // the country or the day changed meanwhile: its answer counts
    const where = (m) => map.get(m.receivingCountry)?.name || m.receivingCountry;
    list.sort((x, y) => where(x).localeCompare(where(y), 'en') || x.id - y.id);
    const options = list.map((m) => ({ value: String(m.id), label: `${where(m)}: ${words(m.type).toLowerCase()}`
      + `${m.city ? ` in ${m.city}` : ''} (mission ${m.id})` }));
    // the options are drawn anew in place: the mission chosen stays chosen if it is still offered, else none is
    const select = () => root.querySelector('#accreditation-form select[name="residentMissionId"]');
    const chosen = select()?.value;
    state.residentMissions = { key, busy: false, error, list: options };
    update();
    if (select()) select().value = options.some((o) => o.value === chosen) ? chosen : '';
  }

  /** The accreditation form's resident mission: a choice among those open on its From day. */
  function residentMissionField() {
    const sending = state.accreditationSending || a;
    const known = state.residentMissions;
    const early = isIsoDay(state.accreditationFrom) && state.accreditationFrom < FIRST_DAY;
    const hint = early ? `The days recorded begin on ${FIRST_DAY}, the first whole year of the calendar they are given in.`
      : !known ? `Give the From day first: the diplomatic missions of ${names[sending] || sending} in other `
        + 'countries open on it are offered, where the head may reside.'
      : known.busy ? 'Reading the missions open on that day…'
      : known.error ? `The missions could not be read: ${known.error.words || known.error.message}`
      : known.list.length ? `The diplomatic missions of ${names[sending] || sending} in other countries open on `
        + `${state.accreditationFrom}, where the head may reside.`
      : `${names[sending] || sending} has no diplomatic mission in another country open on ${state.accreditationFrom}.`;
    return field(forms.accreditation, { name: 'residentMissionId', label: 'Resident mission',
      options: known?.list || [], empty: '(none)', hint });
  }

  /** The accreditation form's diplomat field: a search among the sending country's diplomats, or the one chosen. */
  function accreditationDiplomatField() {
    const chosen = state.accreditationDiplomat;
    const sending = state.accreditationSending || a;
    const messages = fieldMessages(forms.accreditation, 'diplomatId');
    // a refusal of the diplomat (not of the sending country, R21) is linked to what stands for the field
    forms.accreditation.targets.diplomatId = chosen ? 'accreditation-diplomat' : 'accreditation-diplomat-search';
    forms.accreditation.labels.diplomatId = 'Diplomat';
    return html`${diplomatChoice(state.accreditationSearch, update, { chosen, chosenId: 'accreditation-diplomat',
        what: 'Diplomat', onClear: () => { state.accreditationDiplomat = null; }, id: 'accreditation-diplomat-search',
        label: `Diplomat of ${names[sending] || sending} (optional)`, country: sending, signal,
        onPick: (diplomat) => { state.accreditationDiplomat = diplomat; },
        errorId: messages.length ? 'accreditation-diplomat-error' : undefined })}
      ${messages.length ? html`<p class="field-error" id="accreditation-diplomat-error">${messages.join(' ')}</p>`
        : nothing}`;
  }

  function summary(view) {
    const first = view.firstMeetingSinceEstablishment;
    const open = view.missions.filter((m) => m.status === 'OPEN').length;
    return html`<dl class="summary-grid" id="relation-summary">
      <div><dt>Diplomatic status</dt><dd><span class="badge" data-status=${view.status} id="relation-status">${words(view.status)}</span></dd></div>
      <div><dt>Since</dt><dd id="relation-since">${sinceOf(view)}</dd></div>
      <div><dt>Consular status</dt><dd><span class="badge" data-status=${view.consularStatus} id="relation-consular">${words(view.consularStatus)}</span>${
        view.status === 'SEVERED' && view.consularStatus === 'ESTABLISHED' ? html`<br><small id="relation-consular-note">A
          severance leaves consular relations as they are (R2, VCCR art. 2(3)): no consular severance is recorded.</small>`
          : nothing}</dd></div>
      <div><dt>Meetings up to that day</dt><dd id="relation-meetings">${view.meetingCount}</dd></div>
      <div><dt>First meeting since establishment</dt><dd id="relation-first-meeting">${first
        ? html`<a href=${href(`/meetings/${first.id}`)}>${fuzzy(first.date, first.datePrecision)}</a>` : 'none yet'}</dd></div>
      <div><dt>Missions open that day</dt><dd>${open} of ${view.missions.length}</dd></div>
    </dl>`;
  }

  function legend() {
    const kinds = Object.entries(MISSION_STYLES).filter(([, s]) => s.label);
    return html`<ul class="timeline-legend" aria-label="Legend of the picture">
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect width="26" height="14" fill="#2a9d55"/></svg>Established</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect width="26" height="14" fill="#c2185b"/></svg>Severed</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect width="26" height="14" fill="#d5d9de"/></svg>No relations recorded</li>
      ${kinds.map(([type, s]) => html`<li><svg aria-hidden="true" viewBox="0 0 26 14">
        ${type === 'INTERESTS_SECTION'
          ? svg`<rect width="26" height="14" fill="#f4a261" stroke="#7a3e00"/><path d="M0 14 L14 0 M8 14 L22 0 M16 14 L26 4" stroke="#7a3e00" stroke-width="2"/>`
          : svg`<rect width="26" height="14" fill=${s.fill} stroke="#1f2933"/>`}</svg>${s.label}</li>`)}
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect x="1" y="1" width="24" height="12" fill="#fff" stroke="#1d3557" stroke-dasharray="3 2"/></svg>Planned mission</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect y="6" width="26" height="3" fill="#1f2933"/></svg>Head of mission</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><path d="M13 1 L20 7 L13 13 L6 7 Z" fill="#1d3557"/></svg>Meeting</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect x="4" y="7" width="5" height="7" fill="#1d3557"/>
        <rect x="10" y="2" width="5" height="12" fill="#1d3557"/><rect x="16" y="5" width="5" height="9"
        fill="#1d3557"/></svg>Meetings close together (the higher, the more)</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect y="2" width="26" height="10" fill="#fff1c2" stroke="#8a6d00"/></svg>Milestone window</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><rect y="2" width="14" height="10" fill="#fbd9e5" stroke="#c2185b"/><line x1="14" x2="26" y1="7" y2="7" stroke="#c2185b" stroke-width="2" stroke-dasharray="3 2"/></svg>Overdue</li>
      <li><svg aria-hidden="true" viewBox="0 0 26 14"><circle cx="13" cy="7" r="5" fill="#2a9d55" stroke="#0f3d20"/></svg>Achieved</li>
    </ul>`;
  }

  function missionsTable(sending, receiving) {
    const onDay = new Map(state.view.missions.map((m) => [m.id, m]));
    const list = state.missions.filter((m) => m.sendingCountry === sending && m.receivingCountry === receiving);
    return html`<section aria-labelledby="missions-${sending}">
      <h3 id="missions-${sending}">Missions of <bdi>${names[sending]}</bdi> in <bdi>${names[receiving]}</bdi></h3>
      ${list.length ? html`<div class="table-wrap" tabindex="0" role="region"
        aria-label="Missions of ${names[sending]} in ${names[receiving]}, table"><table class="missions-table" data-sending=${sending}><caption class="visually-hidden">Missions of ${names[sending]} in ${names[receiving]}</caption>
        <thead><tr><th scope="col">Mission</th><th scope="col">Status that day</th><th scope="col">Opened</th>
          <th scope="col">Closed</th><th scope="col">Heads of mission</th></tr></thead>
        <tbody>${list.map((m) => {
          const day = onDay.get(m.id);
          const status = day ? day.status : m.status;
          // on a day in the past, a mission that had not opened yet was not necessarily planned then
          const label = state.asOf && status === 'PLANNED' ? 'Not yet opened' : words(status);
          return html`<tr data-mission=${m.id}>
            <th scope="row"><a href=${href(`/missions/${m.id}`)}>${words(m.type)}${m.city ? html`, <bdi>${m.city}</bdi>` : ''}</a>
              ${m.protectingPower ? html`<br><small>protecting power ${m.protectingPower}</small>` : nothing}</th>
            <td><span class="badge" data-status=${status}>${label}</span>
              ${m.status === 'PLANNED' && m.plannedOpening ? html`<br><small>planned ${m.plannedOpening}</small>` : nothing}</td>
            <td class="date">${fuzzy(m.openedOn, m.openedPrecision)}</td>
            <td><span class="date">${fuzzy(m.closedOn, m.closedPrecision)}</span>${m.closingReason ? html`<br><small
              title=${CLOSING_REASONS[m.closingReason] ? m.closingReason : nothing}>${closingReason(m.closingReason)}</small>` : nothing}</td>
            <td>${m.heads.length ? html`<ul>${m.heads.map((h) => html`<li data-head=${h.id}><bdi>${h.name}</bdi>, ${words(h.rank)},
              ${fuzzy(h.startedOn, h.startedPrecision)} – ${h.endedOn ? fuzzy(h.endedOn, h.endedPrecision) : 'serving'}${
                state.asOf && h.startedOn > state.asOf ? html` <small>(after that day)</small>` : nothing}</li>`)}</ul>`
              : 'none recorded'}</td>
          </tr>`;
        })}</tbody></table></div>` : html`<p>No mission recorded.</p>`}
    </section>`;
  }

  function milestonesTable(view) {
    const list = [...view.milestones].sort((x, y) => (x.status === 'OVERDUE' ? -1 : 0) - (y.status === 'OVERDUE' ? -1 : 0)
      || x.targetEnd.localeCompare(y.targetEnd));
    return html`<section aria-labelledby="milestones-title">
      <h2 id="milestones-title">Milestones${state.asOf ? ' (as they stand today)' : ''}</h2>
      ${rowActionDone('milestones')}
      ${list.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Milestones, table"><table id="milestones-table"><caption class="visually-hidden">Milestones</caption>
        <thead><tr><th scope="col">Milestone</th><th scope="col">Target</th><th scope="col">Status</th>
          <th scope="col">Achieved</th><th scope="col">Actions</th></tr></thead>
        <tbody>${list.map((m) => html`<tr class=${m.status === 'OVERDUE' ? 'overdue' : ''} data-milestone=${m.id}>
          <th scope="row"><bdi>${m.title}</bdi>${m.missionId ? html`<br><small><a href=${href(`/missions/${m.missionId}`)}>achieved by the mission's opening</a></small>` : nothing}</th>
          <td><span class="date">${m.target}</span><br>
            <small><span class="date">${m.targetStart}</span> – <span class="date">${m.targetEnd}</span></small></td>
          <td><span class="badge" data-status=${m.status}>${words(m.status)}</span>${m.status === 'OVERDUE'
            ? html`<br><small>late since <span class="date">${m.targetEnd}</span></small>` : nothing}</td>
          <td class="date">${m.achievedOn ? html`${m.achievedOn}${m.onTime === false ? ' (late)' : m.onTime ? ' (on time)' : ''}` : '—'}</td>
          <td>${milestoneActions(m)}${rowProblemOf(`milestone-${m.id}`, { date: [`achieve-${m.id}`, 'Achieved on'] })}</td>
        </tr>`)}</tbody></table></div>` : html`<p>No milestone planned.</p>`}
    </section>`;
  }

  function milestoneActions(m) {
    if (state.confirm === `delete-milestone-${m.id}`) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete “${m.title}”?"
          aria-describedby="milestone-${m.id}-deleting">
        <small id="milestone-${m.id}-deleting">For a milestone planned by mistake: it is removed from the record, as if
          never planned.</small>
        <button type="button" aria-busy=${busy(`milestone-${m.id}`)} aria-disabled=${held()} @click=${() => act(`milestone-${m.id}`,
          () => del(`/api/milestones/${m.id}`), 'milestones', `“${m.title}” deleted.`)}>Yes, delete</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=delete]')}>Keep it</button></div>`;
    }
    const remove = html`<button type="button" class="secondary outline" aria-label="Delete “${m.title}”…" data-action="delete"
      @click=${replacing(() => { state.confirm = `delete-milestone-${m.id}`; update(); }, '[data-keep]')}>Delete…</button>`;
    if (m.status === 'ACHIEVED' || m.status === 'CANCELLED') return html`<div class="actions">${remove}</div>`;
    if (state.achieving === m.id) {
      return html`<form class="actions" @keydown=${escapeKeeps} @submit=${(e) => {
        e.preventDefault();
        const input = e.target.elements.date;
        act(`milestone-${m.id}`, () => post(`/api/milestones/${m.id}/achieve`, { date: rowDay(input) }), 'milestones',
          `“${m.title}” achieved on ${input.value}.`, () => document.getElementById(`achieve-${m.id}`)?.form);
      }} novalidate><label for="achieve-${m.id}" class="visually-hidden">Achieved on</label>
        ${rowDate(`achieve-${m.id}`, `milestone-${m.id}`)}
        <button type="submit" aria-busy=${busy(`milestone-${m.id}`)} aria-disabled=${held()}>Achieved</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.achieving = null; update(); }, '[data-action=achieve]')}>Back</button></form>`;
    }
    if (state.confirm === `cancel-${m.id}`) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Cancel “${m.title}”?">
        <button type="button" aria-busy=${busy(`milestone-${m.id}`)} aria-disabled=${held()} @click=${() => act(`milestone-${m.id}`,
          () => post(`/api/milestones/${m.id}/cancel`), 'milestones', `“${m.title}” cancelled.`)}>Yes, cancel it</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=cancel]')}>Keep it</button></div>`;
    }
    return html`<div class="actions">
      ${m.missionId ? nothing : html`<button type="button" class="outline" aria-label="Achieve “${m.title}”…" data-action="achieve"
        @click=${replacing(() => { state.achieving = m.id; update(); }, 'input')}>Achieve…</button>`}
      <button type="button" class="secondary outline" aria-label="Cancel “${m.title}”…" data-action="cancel"
        @click=${replacing(() => { state.confirm = `cancel-${m.id}`; update(); }, '[data-keep]')}>Cancel…</button>
      ${remove}</div>`;
  }

  /**
   * The pair's diplomatic events in order, of its whole history: the story's (a page as of a day lists the events up
   * to that day only, and a severance's restoration may come after it), else those the page lists.
   */
  function diplomaticTrack(events) {
    const told = state.items.filter((i) => i.ref?.kind === 'event' && DIPLOMATIC_EVENTS.includes(i.type))
      .map((i) => ({ id: i.ref.id, type: i.type, date: i.date, datePrecision: i.datePrecision }));
    return told.length ? told : events.filter((x) => DIPLOMATIC_EVENTS.includes(x.type));
  }

  /**
   * The event a severance or a restoration may have to be deleted with: the restoration that ended the severance,
   * the severance that the restoration ended (recorded together before a later fact, neither goes alone).
   */
  function partnerOf(e, events) {
    const track = diplomaticTrack(events);
    const at = track.findIndex((x) => x.id === e.id);
    if (at < 0) return null;
    if (e.type === 'SEVERED' && track[at + 1]?.type === 'RESTORED') return track[at + 1];
    if (e.type === 'RESTORED' && track[at - 1]?.type === 'SEVERED') return track[at - 1];
    return null;
  }

  /**
   * Whether deleting `e` alone takes its effects back: a severance that is the last of the diplomatic history, of
   * countries that both still exist (one deleted with its restoration, or of a state that has ended, keeps them).
   */
  function undoes(e, events) {
    return e.type === 'SEVERED' && !partnerOf(e, events) && !state.lifetime?.to;
  }

  /** "Delete it with the restoration of 1978-01-01": the button that deletes an event and its partner together. */
  function deleteWithPartner(e, partner) {
    const what = (x) => `${x.type === 'SEVERED' ? 'severance' : 'restoration'} of ${fuzzy(x.date, x.datePrecision)}`;
    return html`<button type="button" class="outline" aria-busy=${busy(`event-${e.id}`)} aria-disabled=${held()}
      data-action="delete-with" @click=${() => act(`event-${e.id}`, () => del(`/api/relations/${a}/${b}/events`,
        { query: { id: [e.id, partner.id] } }), 'events', `The ${what(e)} and the ${what(partner)} deleted.`)}>Delete it with
      the ${what(partner)}</button>`;
  }

  function eventsTable(view) {
    return html`<section aria-labelledby="events-title">
      <h2 id="events-title">Events${state.asOf ? ` up to ${state.asOf}` : ''}</h2>
      ${rowActionDone('events')}
      ${view.events.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Events, table"><table id="events-table"><caption class="visually-hidden">Events</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Note and sources</th><th scope="col">Actions</th></tr></thead>
        <tbody>${view.events.map((e) => html`<tr data-event=${e.id} id="event-${e.id}">
          <td class="date">${fuzzy(e.date, e.datePrecision)}</td><th scope="row">${words(e.type)}</th>
          <td>${e.note ? html`<bdi>${e.note}</bdi>` : ''}${e.sources.map((s) => html` <a href=${s.url} rel="noopener"><bdi>${s.publisher || s.title || 'source'}</bdi></a>`)}</td>
          <td>${state.confirm === `event-${e.id}`
            ? html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete the event ${words(e.type)} of ${fuzzy(e.date, e.datePrecision)}?"
                aria-describedby=${undoes(e, view.events) ? `event-${e.id}-effects` : nothing}>
                ${undoes(e, view.events) ? html`<small id="event-${e.id}-effects">What it closed and ended as it was recorded goes with it:
                  those missions open again, those heads of mission and accreditations are in force again.</small>` : nothing}
                <button type="button" aria-busy=${busy(`event-${e.id}`)} aria-disabled=${held()} @click=${() => act(`event-${e.id}`, () => del(`/api/relations/${a}/${b}/events/${e.id}`),
                  'events', `The event ${words(e.type)} of ${fuzzy(e.date, e.datePrecision)} deleted.`)}>Yes, delete</button>
                ${partnerOf(e, view.events) ? deleteWithPartner(e, partnerOf(e, view.events)) : nothing}
                <button type="button" class="secondary outline" data-keep
                  @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=delete]')}>Keep it</button></div>`
            : html`<button type="button" class="secondary outline" aria-label="Delete the event ${words(e.type)} of ${fuzzy(e.date, e.datePrecision)}…"
                data-action="delete" @click=${replacing(() => { state.confirm = `event-${e.id}`; update(); }, '[data-keep]')}>Delete…</button>`}${rowProblemOf(`event-${e.id}`)}</td>
        </tr>`)}</tbody></table></div>` : html`<p>No event recorded: the two countries have no relations on record (the data may not cover them).</p>`}
    </section>`;
  }

  function accreditationsSection(view) {
    const list = state.accreditations;
    const inForce = new Set(view.accreditations.map((x) => x.id));
    return html`<section aria-labelledby="accreditations-title">
      <h2 id="accreditations-title">Non-resident accreditations</h2>
      ${rowActionDone('accreditations')}
      ${list.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Non-resident accreditations, table"><table id="accreditations-table"><caption class="visually-hidden">Non-resident accreditations</caption>
        <thead><tr><th scope="col">Sending</th><th scope="col">Level</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Resident mission</th><th scope="col">In force that day</th><th scope="col">Actions</th></tr></thead>
        <tbody>${list.map((x) => html`<tr id="accreditation-${x.id}"><th scope="row">${names[x.sendingCountry] || x.sendingCountry}</th>
          <td>${words(x.level)}</td><td class="date">${fuzzy(x.from, x.fromPrecision)}</td><td class="date">${fuzzy(x.to, x.toPrecision)}</td>
          <td>${x.residentMissionId ? html`<a href=${href(`/missions/${x.residentMissionId}`)}>mission ${x.residentMissionId}</a>` : '—'}</td>
          <td>${inForce.has(x.id) ? 'yes' : 'no'}</td><td>${accreditationActions(x)}${rowProblemOf(`accreditation-${x.id}`,
            { date: [`end-${x.id}`, 'Ended on'], datePrecision: [`end-precision-${x.id}`, 'Known to the'] })}</td></tr>`)}</tbody></table></div>`
        : html`<p>None recorded.</p>`}
    </section>`;
  }

  /** The day the diplomatic status was set, as precisely as the event that set it is known (1960, not 1960-01-01). */
  function sinceOf(view) {
    if (!view.since) return '—';
    const setting = view.events.filter((e) => e.date === view.since && DIPLOMATIC_EVENTS.includes(e.type)).pop();
    return fuzzy(view.since, setting?.datePrecision);
  }

  /** What the last row action did, above the table it was taken from; or that its fact was gone meanwhile. */
  function rowActionDone(section) {
    if (state.actionGone?.section === section) {
      return rowProblem(state.actionGone.error, 'row-action-problem', null, {}, state.actionGone.changed
        ? 'It changed meanwhile: the page shows the facts as they stand now.' : null);
    }
    return state.actionDone?.section === section
      ? html`<p class="done" role="status" tabindex="-1" id="row-action-done">${state.actionDone.text}</p>` : nothing;
  }

  /** The problem of the last row action, in the row it was taken from. */
  function rowProblemOf(key, fields) {
    return state.actionKey === key ? rowProblem(state.actionError, 'row-action-problem', state.retry, fields) : nothing;
  }

  function rowError(key) {
    return state.actionKey === key ? state.actionError : null;
  }

  /**
   * A row form's day (the API says what is wrong with it, as for every form: no check of the browser's own, but for a
   * day it cannot read, which it gives as empty: rowDay).
   */
  function rowDate(id, key) {
    const control = rowControl(rowError(key), 'row-action-problem', 'date');
    return html`<input id=${id} name="date" type="date" max=${today()} aria-invalid=${control.invalid}
      aria-describedby=${control.describedBy}>`;
  }

  /**
   * An accreditation without an end may be ended: on the day it no longer held (exclusive), known to a day, a month or
   * a year. Any accreditation may be deleted, one recorded by mistake.
   */
  function accreditationActions(x) {
    const label = `${words(x.level)} of ${names[x.sendingCountry] || x.sendingCountry} from ${fuzzy(x.from, x.fromPrecision)}`;
    if (state.confirm === `delete-accreditation-${x.id}`) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete the accreditation: ${label}?"
          aria-describedby="accreditation-${x.id}-deleting">
        <small id="accreditation-${x.id}-deleting">For an accreditation recorded by mistake: it is removed from the record,
          as if never recorded (one that no longer holds is ended instead).</small>
        <button type="button" aria-busy=${busy(`accreditation-${x.id}`)} aria-disabled=${held()} @click=${() => act(`accreditation-${x.id}`,
          () => del(`/api/relations/${a}/${b}/accreditations/${x.id}`), 'accreditations',
          `The accreditation (${label}) deleted.`)}>Yes, delete</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=delete]')}>Keep it</button></div>`;
    }
    const remove = html`<button type="button" class="secondary outline" aria-label="Delete the accreditation: ${label}…"
      data-action="delete" @click=${replacing(() => { state.confirm = `delete-accreditation-${x.id}`; update(); },
        '[data-keep]')}>Delete…</button>`;
    if (x.to) return html`<div class="actions">${remove}</div>`;
    if (state.ending === x.id) {
      const precision = rowControl(rowError(`accreditation-${x.id}`), 'row-action-problem', 'datePrecision');
      return html`<form class="actions" id="end-accreditation-${x.id}" @keydown=${escapeKeeps} @submit=${(e) => {
        e.preventDefault();
        const values = new FormData(e.target);
        act(`accreditation-${x.id}`, () => post(`/api/relations/${a}/${b}/accreditations/${x.id}/end`,
          { date: rowDay(e.target.elements.date), datePrecision: values.get('datePrecision') || undefined }),
        'accreditations', `The accreditation (${label}) ended on ${fuzzy(values.get('date'), values.get('datePrecision'))}.`,
        () => document.getElementById(`end-accreditation-${x.id}`));
      }} novalidate><label for="end-${x.id}">Ended on (exclusive)</label>
        ${rowDate(`end-${x.id}`, `accreditation-${x.id}`)}
        <label for="end-precision-${x.id}">Known to the</label>
        <select id="end-precision-${x.id}" name="datePrecision" aria-invalid=${precision.invalid}
          aria-describedby=${precision.describedBy}><option value="">Day (default)</option>
          ${PRECISIONS.filter((p) => p !== 'DAY').map((p) => html`<option value=${p}>${words(p)}</option>`)}</select>
        <button type="submit" aria-busy=${busy(`accreditation-${x.id}`)} aria-disabled=${held()}>End it</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.ending = null; update(); }, '[data-action=end]')}>Back</button></form>`;
    }
    return html`<div class="actions"><button type="button" class="outline" aria-label="End the accreditation: ${label}…"
      data-action="end" @click=${replacing(() => { state.ending = x.id; update(); }, 'input')}>End…</button>
      ${remove}</div>`;
  }

  function observations(view) {
    if (!view.latestObservations?.length) return nothing;
    // the COW data set ends in 2005: its latest observation, on a page of today, is twenty years old and says so
    const year = Number(view.asOf.slice(0, 4));
    const latest = Math.max(...view.latestObservations.map((o) => o.year));
    const age = year - latest;
    return html`<section aria-labelledby="observations-title">
      <h2 id="observations-title">Latest observations</h2>
      <p><small>Observed by a data set, not recorded facts: never checked against the rules.</small></p>
      <ul>${view.latestObservations.map((o) => html`<li>${o.year}: ${names[o.sendingCountry] || o.sendingCountry} represented in
        ${names[o.receivingCountry] || o.receivingCountry} at level ${words(o.level)} (${o.dataset}, code ${o.rawCode})</li>`)}</ul>
      ${age > 0 ? html`<p id="observations-age"><small>The latest is of ${latest}, ${age} year${age === 1 ? '' : 's'}
        before ${state.asOf ? html`the day shown (<span class="date">${view.asOf}</span>)` : 'today'}: no observation
        of the pair after it has been imported, so it may no longer hold.</small></p>` : nothing}
      <p><a href="/api/relations/${a}/${b}/observations?format=csv" download>Every observation of the pair as CSV</a> ·
        <a href=${href('/observations', { country: a, direction: 'SENDING' })}>How ${names[a] || a} was represented abroad</a></p>
    </section>`;
  }

  function writeForms() {
    // a cancelled mission will not open, and only its opening could achieve the milestone (R19)
    // told apart by their years and id where the city is not known (two legations of one country, closed)
    const pairMissions = state.missions.filter((m) => m.status !== 'CANCELLED').map((m) => ({ value: m.id,
      label: `${m.sendingCountry} ${words(m.type)}${m.city ? `, ${m.city}` : ''} (${words(m.status)}${m.openedOn
        ? `, ${m.openedOn.slice(0, 4)}–${m.closedOn ? m.closedOn.slice(0, 4) : ''}` : ''}, mission ${m.id})` }));
    return html`<section aria-labelledby="write-title">
      <h2 id="write-title">Record facts</h2>
      <p class="actions"><a role="button" class="outline" href=${href('/missions/new', { sending: a, receiving: b })}>Plan a mission…</a>
        <a role="button" class="outline" href=${href('/meetings/new', { countries: `${a},${b}` })}>Record a meeting…</a></p>
      <details ?open=${Boolean(query.record)} id="record-event">
        <summary>Record a relation event</summary>
        <form id="event-form" @submit=${(e) => submitted(e, forms.event, recordEvent)} novalidate>
          ${problem(forms.event)}
          ${done(forms.event, `Recorded: ${(forms.event.done?.events || []).map((e) => `${words(e.type)} on ${fuzzy(e.date,
            e.datePrecision)}${e.affectedMissions?.length ? `, which closed ${e.affectedMissions.length} mission(s) (R11)` : ''}`)
            .join('; then ')}.`)}
          <div class="grid-3">
            ${field(forms.event, { name: 'type', label: 'Event', options: RELATION_EVENT_TYPES, required: true })}
            ${field(forms.event, { name: 'date', label: 'Date', type: 'date', required: true, max: today() })}
            ${field(forms.event, { name: 'datePrecision', label: 'Date known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)',
              hint: 'Year or month: the date is the first day of that period.' })}
          </div>
          <fieldset aria-describedby="second-event-help">
            <legend>Together with a second event (optional)</legend>
            <small id="second-event-help">A severance and the restoration that ended it, back-filled before an embassy that opened later, are
              refused one at a time: recorded together, all or none, they are checked as the history they make (R1,
              R20). The note and the source below are the first event's.</small>
            <div class="grid-3">
              ${field(forms.event, { name: 'thenType', label: 'Second event', options: RELATION_EVENT_TYPES, empty: 'None' })}
              ${field(forms.event, { name: 'thenDate', label: 'Its date', type: 'date', max: today() })}
              ${field(forms.event, { name: 'thenDatePrecision', label: 'Its date known to the',
                options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
            </div>
          </fieldset>
          ${field(forms.event, { name: 'note', label: 'Note', type: 'textarea' })}
          ${sourceFields(forms.event)}
          ${submitButton(forms.event, 'Record')}
        </form>
      </details>
      <details id="plan-milestone">
        <summary>Plan a milestone</summary>
        <form id="milestone-form" @submit=${(e) => submitted(e, forms.milestone, planMilestone)} novalidate>
          ${problem(forms.milestone)}
          ${done(forms.milestone, `Planned: ${forms.milestone.done?.title}.`)}
          ${field(forms.milestone, { name: 'title', label: 'What is planned', required: true })}
          <div class="grid-2">
            ${field(forms.milestone, { name: 'target', label: 'Target', required: true, placeholder: '2024-H1',
              hint: 'A year (2024), half (2024-H1), quarter (2024-Q3), month (2024-07) or day (2024-07-15).' })}
            ${field(forms.milestone, { name: 'missionId', label: 'Achieved by the opening of', options: pairMissions,
              hint: 'Leave empty to mark it achieved by hand.' })}
          </div>
          ${sourceFields(forms.milestone)}
          ${submitButton(forms.milestone, 'Plan the milestone')}
        </form>
      </details>
      <details id="record-accreditation">
        <summary>Record a non-resident accreditation</summary>
        <form id="accreditation-form" @submit=${(e) => submitted(e, forms.accreditation, accredit)} novalidate>
          ${problem(forms.accreditation)}
          ${done(forms.accreditation, 'Accreditation recorded.')}
          <div class="grid-3">
            <div @change=${(e) => {
              if (e.target.name !== 'sendingCountry') return;
              state.accreditationSending = e.target.value;
              update();
              loadResidentMissions();
            }}>${field(forms.accreditation, { name: 'sendingCountry', label: 'Sending country', required: true,
              value: state.accreditationSending || a, // the one the resident missions and the diplomat search are of
              options: [a, b].map((c) => ({ value: c, label: names[c] })) })}</div>
            ${field(forms.accreditation, { name: 'level', label: 'Level', options: ACCREDITATION_LEVELS, required: true })}
            <div @change=${(e) => { if (e.target.name === 'from') fromChanged(e.target.value); }}
              @keydown=${() => { fromKeyAt = performance.now(); }} @focusout=${settleFrom}>${field(forms.accreditation, { name: 'from', label: 'From', type: 'date', required: true,
              max: today() })}</div>
            ${residentMissionField()}
            ${field(forms.accreditation, { name: 'datePrecision', label: 'From known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
            ${field(forms.accreditation, { name: 'to', label: 'To (exclusive, for a past one)', type: 'date' })}
          </div>
          ${accreditationDiplomatField()}
          ${sourceFields(forms.accreditation)}
          ${submitButton(forms.accreditation, 'Record the accreditation')}
        </form>
      </details>
    </section>`;
  }

  /**
   * What a day outside the pair's days means for what is shown: after today nothing is recorded yet; before a country
   * existed there was no relation; after it ended, the relation is shown as it stood when it ended.
   */
  function outsideTheDays(day) {
    const said = [];
    if (day > today()) {
      said.push(`${day} is after today (${today()}, in UTC): nothing is recorded after today, so the relation is shown as it `
        + 'stands today.');
    }
    for (const country of state.countries) {
      if (country.startedOn && day < country.startedOn) {
        said.push(`${country.name} did not exist yet on ${day} (it existed from ${country.startedOn}): no relation `
          + 'with it is recorded before then.');
      } else if (country.endedOn && day > country.endedOn) {
        said.push(`${country.name} no longer existed on ${day} (it existed until ${country.endedOn}): the relation is `
          + 'shown as it stood when it ended.');
      }
    }
    return said.length ? html`<div class="notice" role="status" id="as-of-outside">${said.map((text) => html`<p>${text}</p>`)}</div>` : nothing;
  }

  /** For the picture's description: which of its lanes have nothing recorded, as the picture writes in them. */
  function emptyLanes(view) {
    const none = [];
    for (const [sending, receiving] of [[a, b], [b, a]]) {
      if (!state.missions.some((m) => m.sendingCountry === sending && m.receivingCountry === receiving)) {
        none.push(`missions of ${names[sending] || sending} in ${names[receiving] || receiving}`);
      }
    }
    if (!state.items.some((i) => i.type === 'MEETING')) none.push('meetings');
    if (!view?.milestones.length) none.push('milestones');
    return none.length ? ` No ${none.join(', no ')} recorded.` : '';
  }

  /**
   * The story's items the list holds: those of the period a person chose (brush, fields, address), with those known
   * to a month or a year that overlaps it, or all.
   */
  function storyListed() {
    if (!state.chosenPeriod || !state.from || !state.to) return state.items;
    return state.items.filter((i) => inPeriod(i, state.from, state.to));
  }

  /**
   * Says `text` in the period's status region (drawn by the next update), and again if it said it last: a region
   * reads out a change of its words, so it is emptied first and given them again a frame later.
   */
  function sayPeriod(text) {
    if (state.periodSaid !== text) {
      state.periodSaid = text;
      return;
    }
    state.periodSaid = '';
    requestAnimationFrame(() => {
      if (signal.aborted) return;
      state.periodSaid = text;
      update();
    });
  }

  /** What the list holds of the story: the items of the period chosen, of how many, or all of them. */
  function periodWords(listed = storyListed()) {
    if (listed.length === state.items.length) return `The whole history: ${plural(state.items.length, 'item')}.`;
    if (!listed.length) return `None of the ${number(state.items.length)} items falls in the period shown (${state.from} – ${state.to}).`;
    const partly = listed.filter((i) => partlyInPeriod(i, state.from, state.to)).length;
    return `${number(listed.length)} of the ${number(state.items.length)} items, those of the period shown (${state.from} – ${state.to})`
      + (partly ? `, ${partly === 1 ? 'one' : number(partly)} of them known only to a month or a year that reaches beyond it.` : '.');
  }

  /**
   * Above the list of a period that leaves items out: how many it holds, and the way back to all of them. What is
   * said aloud of it is in a status region of its own, there before it changes (a region drawn with its words is
   * not read out), and once the period is chosen.
   */
  function storyPeriod(listed) {
    return html`<p role="status" class="visually-hidden" id="story-period-said">${state.periodSaid}</p>
      ${listed.length === state.items.length ? nothing : html`<p class="notice" id="story-period">${periodWords(listed)}
      <button type="button" class="outline secondary" @click=${wholeHistory}>Whole history</button></p>`}`;
  }

  /** Under a long story's list: how many of its items it shows, and buttons to show more or all. */
  function storyMore(listed) {
    const total = listed.length;
    const shown = Math.min(state.storyShown, total);
    if (shown >= total) return nothing;
    const next = Math.min(STORY_STEP, total - shown);
    return html`<p class="story-more" id="story-more"><span id="story-count">The first ${number(shown)} of ${number(total)} items,
      oldest first.</span>
      <button type="button" class="outline secondary" id="story-show-more" @click=${() => showMoreItems(STORY_STEP)}>Show
        the next ${next}</button>
      <button type="button" class="outline secondary" id="story-show-all" @click=${() => showMoreItems()}>Show all
        ${number(total)}</button></p>`;
  }

  /** The pair's facts that no day changes, handed to the page of another day this one opens. */
  function handOver() {
    if (kept?.key === `${a}/${b}` && state.loaded && !state.error) kept.handed = Date.now();
  }

  function update() {
    if (signal.aborted) return;
    const view = state.view;
    const title = `${names[a] || a} – ${names[b] || b}`;
    const recorded = Boolean(view && (state.items.length || state.missions.length || view.milestones.length));
    const lifetime = state.lifetime || {};
    const rows = { event: new Set(view?.events.map((e) => e.id)), accreditation: new Set(state.accreditations.map((x) => x.id)) };
    const listed = storyListed();
    render(html`
      <p><a href=${href('/map', { country: a, asOf: state.asOf })}>← Map of ${names[a] || a}</a></p>
      <h1 aria-describedby=${view ? 'relation-as-of' : nothing}><bdi>${names[a] || a}</bdi> – <bdi>${names[b] || b}</bdi></h1>
      <form class="toolbar" id="as-of-form" @submit=${(e) => {
        e.preventDefault();
        const day = new FormData(e.target).get('asOf');
        // a period the person chose stays if the day is in it; otherwise the chart looks again, the day in view
        const keep = state.chosenPeriod && isIsoDay(day) && state.from <= day && day <= state.to;
        handOver();
        navigate(`/relations/${params.a}/${params.b}`, { asOf: isIsoDay(day) ? day : undefined,
          from: keep ? state.from : undefined, to: keep ? state.to : undefined });
      }}>
        <label for="as-of">As of</label>
        <input id="as-of" name="asOf" type="date" value=${state.asOf || ''} max=${today()}>
        <button type="submit">Show that day</button>
        ${state.asOf ? html`<a href=${href(`/relations/${params.a}/${params.b}`,
          state.chosenPeriod ? { from: state.from, to: state.to } : {})} @click=${handOver}>Today</a>` : nothing}
        <a href=${href(`/relations/${b}/${a}`, { asOf: state.asOf,
          ...(state.chosenPeriod ? { from: state.from, to: state.to } : {}) })}>Seen from ${names[b] || b}</a>
      </form>
      ${readError(state.error)}
      ${query.asOf && !state.asOf ? html`<p class="notice" role="status" id="as-of-notice">“${query.asOf}” is not a
        day (YYYY-MM-DD): the relation is shown as it stands today.</p>` : nothing}
      ${!view ? html`<p aria-busy=${state.error ? 'false' : 'true'}>${state.error ? '' : 'Loading the relation…'}</p>` : html`
        <p id="relation-as-of">As it stood at the end of <strong>${view.asOf}</strong>${state.asOf ? '' : ' (today, as the API counts days: in UTC)'}.</p>
        ${outsideTheDays(view.asOf)}
        ${summary(view)}
        ${observations(view)}
        <div class="story">
          <figure class="timeline-chart" aria-labelledby="timeline-title">
            <h2 id="timeline-title">The story as a picture</h2>
            <p id="timeline-desc" class="visually-hidden">Timeline of ${title}: status bands, missions of each side as bars,
              meetings as marks (where they crowd, bars, higher for more) and milestones as planned windows; ${state.chosenPeriod && state.from && state.to
                ? `the period from ${state.from} to ${state.to} is shown, and its items are listed beside it`
                : 'the same items are listed beside it'}.${emptyLanes(view)}</p>
            <form class="toolbar" @submit=${setPeriod} aria-label="Period shown">
              <span class="labelled"><label for="period-from">From</label><input id="period-from" name="from" type="date" .value=${state.from || ''}
                aria-invalid=${state.periodRefused ? 'true' : nothing} aria-describedby=${state.periodRefused ? 'period-refused' : nothing}></span>
              <span class="labelled"><label for="period-to">To</label><input id="period-to" name="to" type="date" .value=${state.to || ''}
                aria-invalid=${state.periodRefused ? 'true' : nothing} aria-describedby=${state.periodRefused ? 'period-refused' : nothing}></span>
              <button type="submit" class="outline">Show period</button>
              <button type="button" class="secondary outline" @click=${wholeHistory}>Whole history</button>
            </form>
            ${state.periodRefused ? html`<p class="problem" role="alert" id="period-refused">${state.periodRefused} The
              picture still shows ${state.from} – ${state.to}.</p>` : nothing}
            ${state.periodNotice ? html`<p class="notice" role="status" id="period-notice">${state.periodNotice}</p>` : nothing}
            ${recorded ? nothing : html`<p class="notice" id="timeline-empty">Nothing is recorded for this pair: no relation
              event, mission, meeting or milestone. That is no evidence of no relations: the data may not cover the pair
              (the history data covers the states of the COW state system, which leaves out the Holy See, say). The
              picture shows none recorded ${lifetime.from || lifetime.to
                ? html`while both countries existed (<span class="date">${lifetime.from || '…'}</span> –
                  <span class="date">${lifetime.to || 'today'}</span>)` : 'since 1816'}.${recordedUnder()}</p>`}
            ${recorded ? holdsFormers() : nothing}
            <div id="timeline-picture"></div>
            <figcaption>${legend()}<small>Drag across the “Whole history” strip to choose the period; click a mission bar to open it.</small></figcaption>
          </figure>
          <section aria-labelledby="items-title">
            <h2 id="items-title">The story, item by item</h2>
            ${state.items.length ? nothing : html`<p id="story-empty">Nothing is recorded for this pair yet.</p>`}
            ${storyPeriod(listed)}
            <ol class="story-items" id="story-items" tabindex=${listed.length ? '0' : nothing}
              aria-labelledby="items-title">${listed.slice(0, state.storyShown).map((i) => {
              const link = itemLink(i, a, rows);
              const when = fuzzy(i.date, i.datePrecision);
              return html`<li data-type=${i.type} data-date=${i.date}><time datetime=${when}>${when}</time>
                <span class="badge" data-status=${i.type.includes('SEVERED') ? 'SEVERED' : i.type === 'MILESTONE_DUE' && i.summary.includes('overdue') ? 'OVERDUE' : ''}>${words(i.type)}</span>
                ${link ? html`<a href=${link}>${i.summary}</a>` : i.summary}</li>`;
            })}</ol>
            ${storyMore(listed)}
          </section>
        </div>
        <h2>Missions</h2>
        ${missionsTable(a, b)}
        ${missionsTable(b, a)}
        ${milestonesTable(view)}
        ${accreditationsSection(view)}
        ${eventsTable(view)}
        ${writeForms()}
      `}`, root);
  }

  // a row's problem that asked to sign in offers to try again once signed in
  onSignInOrOut(signal, () => update());
  update();
  await reload(true);
  let width = root.querySelector('#timeline-picture')?.clientWidth;
  let resizing = null;
  const observer = new ResizeObserver(() => {
    const now = root.querySelector('#timeline-picture')?.clientWidth;
    if (!now || now === width) return;
    width = now;
    clearTimeout(resizing);
    resizing = setTimeout(drawChart, 150);
  });
  const picture = root.querySelector('#timeline-picture');
  if (picture) observer.observe(picture);
  signal.addEventListener('abort', () => observer.disconnect());
}
