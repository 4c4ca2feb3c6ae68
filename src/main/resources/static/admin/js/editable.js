// A resource a page edits (a diplomat, a country): read with its ETag and written with If-Match, so that a
// change someone else made meanwhile is refused (412) instead of overwritten; the page then offers to load
// the latest version into its form.
import { request } from './api.js';

/** path: the resource's address. Answers {data, etag, reloaded, error, load(), write(method, body), reloadLatest(…)}. */
export function editable(path, { signal }) {
  return {
    data: null,
    etag: null,
    reloaded: false,
    error: null,

    async load() {
      const answer = await request('GET', path, { signal });
      this.data = answer.data;
      this.etag = answer.headers.get('ETag');
    },

    /** The page's first read: a failure is kept in error for the page to show; false when the page was left. */
    async loadFirst() {
      try {
        await this.load();
      } catch (e) {
        if (e.name === 'AbortError') return false;
        this.error = e;
      }
      return true;
    },

    /** A PUT or DELETE based on the version read; what it answers becomes the version read. */
    async write(method, body) {
      this.reloaded = false;
      const answer = await request(method, path, { body, headers: this.etag ? { 'If-Match': this.etag } : {} });
      if (answer.data) {
        this.data = answer.data;
        this.etag = answer.headers.get('ETag');
      }
      return answer.data;
    },

    /**
     * After a 412: loads the latest version and shows it in the form (its typed values replaced); the page's
     * other forms on the resource (a deletion) forget their answers too.
     */
    async reloadLatest(forms, update, formElement, firstField) {
      const [form, ...others] = forms;
      try {
        await this.load();
        for (const each of forms) {
          each.error = null;
          each.done = null;
        }
        this.reloaded = true;
      } catch (e) {
        form.error = e;
        others.forEach((each) => { each.error = null; });
      }
      update();
      formElement()?.reset();
      formElement()?.querySelector(`[name=${firstField}]`)?.focus();
    },
  };
}
