// check.js - validates a WebVTT file with the W3C validator's parser (webvtt-parser) and prints
// each cue as "START END TEXT" (seconds; TEXT is what a player shows, entities decoded).
// Exits 1 on any parser error or on markup (<b>, <c.x>, ...) in a cue: locutor writes none.
'use strict';
const fs = require('fs');
const path = require('path');
let parser;
try {
  parser = require(path.join(__dirname, 'node_modules', 'webvtt-parser'));
} catch (e) {
  console.error('check.js: webvtt-parser is not installed; run scripts/setup');
  process.exit(2);
}
const entities = require(path.join(__dirname, 'node_modules', 'webvtt-parser', 'html-entities.json'));

// The text a player shows for a cue's tree; markup nodes are collected in tags.
function flatten(node, tags) {
  let out = '';
  for (const c of node.children || []) {
    if (c.type === 'text') out += c.value;
    else {
      tags.push(c.type === 'object' ? '<' + c.name + '>' : c.type);
      out += flatten(c, tags);
    }
  }
  return out;
}

const file = process.argv[2];
const input = fs.readFileSync(file, 'utf8');
const result = new parser.WebVTTParser(entities).parse(input);
let bad = 0;
for (const e of result.errors) {
  console.error(`${file}:${e.line}:${e.col || 0}: ${e.message}`);
  bad++;
}
for (const cue of result.cues) {
  const tags = [];
  const text = flatten(cue.tree, tags);
  if (tags.length) {
    console.error(`${file}: cue at ${cue.startTime} s has markup ${tags.join(' ')}: ${cue.text}`);
    bad++;
  }
  console.log(`${cue.startTime.toFixed(3)} ${cue.endTime.toFixed(3)} ${text.replace(/\n/g, '\\n')}`);
}
process.exit(bad ? 1 : 0);
