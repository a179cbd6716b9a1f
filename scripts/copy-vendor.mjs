// Copies the front-end libraries the pages use from node_modules into the app's static resources
// (target/classes/static/vendor), so that the app serves them itself: no CDN, works offline.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = process.argv[2] || 'target/classes/static/vendor';
const files = {
  'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js': 'bpmn-js/bpmn-viewer.production.min.js',
  'node_modules/bpmn-js/dist/assets/bpmn-js.css': 'bpmn-js/assets/bpmn-js.css',
  'node_modules/bpmn-js/dist/assets/diagram-js.css': 'bpmn-js/assets/diagram-js.css',
  'node_modules/bpmn-js/dist/assets/bpmn-font': 'bpmn-js/assets/bpmn-font',
  'node_modules/echarts/dist/echarts.min.js': 'echarts/echarts.min.js',
};
for (const [from, to] of Object.entries(files)) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true });
}
console.log(`vendor libraries copied to ${out}`);
