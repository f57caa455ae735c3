// Prerendering draws every chart to SVG with Observable Plot, which needs a DOM document;
// the server side of the build gets one from jsdom (the browser uses its own).
import { JSDOM } from 'jsdom';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
(globalThis as { __cifrasPlotDocument?: Document }).__cifrasPlotDocument = document;
