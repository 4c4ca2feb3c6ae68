// topojson-client as an ES module: its UMD bundle (vendor/topojson-client) defines globalThis.topojson when imported.
import 'topojson-umd';

export const { feature } = globalThis.topojson;
