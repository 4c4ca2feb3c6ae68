// d3 as an ES module: its UMD bundle (the WebJar's dist/d3.min.js) defines globalThis.d3 when imported.
import 'd3-umd';

export default globalThis.d3;
