// The explorer page: a view of /api/models, /api/model and /api/trace (docs/explorer.md).
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 18;
const LABEL_WIDTH = 88;
const PLANE = { width: 560, height: 420, pad: 44 };
const view = { model: null, trace: null, step: 0, timer: null, traces: 0, refusals: 0 };
const $ = (id) => document.getElementById(id);

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) {
    element.setAttribute(key, value);
  }
  if (parent) {
    parent.appendChild(element);
  }
  return element;
}

function text(parent, x, y, content, attributes) {
  const element = svg('text', Object.assign({ x, y }, attributes), parent);
  element.textContent = content;
  return element;
}

function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

async function getJson(path) {
  const response = await fetch(path);
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error('the explorer answered HTTP ' + response.status + ' without JSON');
  }
  if (!response.ok) {
    throw new Error(body.error || 'HTTP ' + response.status);
  }
  return body;
}

// Purple for -1, white for 0, green for +1: the value of one state component.
function colour(value) {
  const v = Math.max(-1, Math.min(1, value));
  const [r, g, b] = v < 0 ? [0x5e, 0x3c, 0x99] : [0x1b, 0x78, 0x37];
  const t = Math.abs(v);
  const mix = (c) => Math.round(255 + (c - 255) * t);
  return 'rgb(' + mix(r) + ',' + mix(g) + ',' + mix(b) + ')';
}

function fact(list, name, value) {
  const row = document.createElement('div');
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = name;
  dd.textContent = value;
  row.append(dt, dd);
  list.appendChild(row);
  return dd;
}

function renderCard() {
  const m = view.model;
  const card = $('card');
  clear(card);
  $('state-name').textContent = m.stateName;
  fact(card, 'file', m.file);
  fact(card, m.operator === 'subtract' ? 'subtracts' : 'adds', m.kind === 'binary' ? 'ints, longs and BigIntegers, bit by bit'
    : numberName(m.radix) + ' digit strings, digit by digit' + (m.radix === 16 ? ' (type hex digits: ff + 1)' : ''));
  fact(card, 'cell', m.cell.toUpperCase() + ', ' + m.hidden + ' hidden units');
  fact(card, 'state', m.stateSize + ' components');
  fact(card, 'parameters', String(m.parameters));
  fact(card, 'trained on', m.trainedSteps ? m.trainedSteps + (m.kind === 'binary' ? ' bits' : ' digits') : 'unknown');
  fact(card, 'certified', m.certified ? 'yes, checked at load' : 'no').id = 'certified';
  if (m.certified) {
    const pieces = m.shape === 'pieces';
    fact(card, pieces ? 'pieces' : 'regions', m.regions + ' (history ' + m.history + ')');
    fact(card, 'margins', 'output ≥ ' + m.outputMargin.toFixed(3) + ' logits beyond ' + m.logitMargin
      + (pieces ? '; containment slack ≥ ' + m.stateSlack.toExponential(2) + ' in the pieces\' own coordinates'
        : '; state slack ≥ ' + m.stateSlack.toExponential(2) + ' beyond ' + m.stateMargin));
  }
  if (m.verdict) {
    fact(card, 'imported', m.verdict).id = 'verdict';
  }
  $('certificate').textContent = m.certificate;
  $('counterexample').hidden = !m.counterexample;
  $('width-label').hidden = m.kind !== 'binary';
  document.querySelector('.plus').textContent = m.symbol === '-' ? '−' : '+';
  $('multiply').hidden = !(m.kind === 'binary' && m.operator === 'add');
  $('divide').hidden = !(m.kind === 'binary' && m.operator === 'subtract');
}

async function loadModel(name) {
  const previous = view.model;
  view.model = await getJson('/api/model?model=' + encodeURIComponent(name));
  renderCard();
  if (previous && previous.kind !== view.model.kind) {
    $('a').value = '535';
    $('b').value = '61';
  }
}

/** Shows a trace from the API: the result line, the grid of steps, the plane, and its last step. */
function showTrace(trace) {
  $('message').textContent = trace.traceAgrees ? ''
    : 'warning: the traced steps do not spell the runtime\'s sum ' + trace.sum + '; the states shown may be wrong';
  view.trace = trace;
  renderResult();
  renderGrid();
  renderPlane();
  for (const id of ['player', 'steps', 'detail']) {
    $(id).hidden = false;
  }
  $('space').hidden = !view.model.plane;
  $('slider').max = trace.stepCount - 1;
  $('step-count').textContent = trace.stepCount;
  show(trace.stepCount - 1);
  view.traces += 1;
  document.body.dataset.traces = view.traces;
}

/** The answer of path for the chosen model and the typed operands; null, with the refusal shown, if refused. */
async function operandsAnswer(path) {
  stop();
  const query = new URLSearchParams({ model: view.model.name, a: $('a').value, b: $('b').value });
  try {
    const answer = await getJson(path + '?' + query);
    $('message').textContent = '';
    return answer;
  } catch (e) {
    $('message').textContent = e.message;
    view.refusals += 1;
    document.body.dataset.refusals = view.refusals;
    return null;
  }
}

/** Multiplies a × b with the chosen binary adder: the partial products, and every addition of the tree. */
async function multiply() {
  const product = await operandsAnswer('/api/product');
  if (!product) {
    return;
  }
  $('quotient').hidden = true;
  $('product').hidden = false;
  $('product-line').textContent = product.a + ' × ' + product.b + ' = '
    + (product.overflow ? 'overflow (Math.multiplyExact throws ArithmeticException: ' + product.overflow + ')'
      : product.product) + ', from ' + product.partialProducts.length + ' partial products in '
    + product.additions.length + (product.additions.length === 1 ? ' addition' : ' additions');
  const terms = $('terms');
  clear(terms);
  for (const term of product.partialProducts) {
    const item = document.createElement('li');
    item.textContent = term;
    terms.append(item);
  }
  const additions = $('additions');
  clear(additions);
  product.additions.forEach((addition, k) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'level ' + addition.level + ': ' + addition.a + ' + ' + addition.b + ' = ' + addition.trace.sum;
    button.addEventListener('click', () => showTrace(addition.trace));
    button.dataset.addition = String(k);
    item.append(button);
    additions.append(item);
  });
  document.body.dataset.products = String(Number(document.body.dataset.products || 0) + 1);
  showTrace(product.additions[product.additions.length - 1].trace);
  showProductHeadline(product);
}

/** Divides a by b with the chosen binary subtractor: one traced subtraction per quotient bit. */
async function divide() {
  const quotient = await operandsAnswer('/api/quotient');
  if (!quotient) {
    return;
  }
  $('product').hidden = true;
  $('quotient').hidden = false;
  const steps = quotient.subtractions.length;
  $('quotient-line').textContent = quotient.a + ' ÷ ' + quotient.b + ' = ' + quotient.quotient + ' remainder '
    + quotient.remainder + ', in ' + steps + (steps === 1 ? ' subtraction' : ' subtractions');
  const list = $('subtractions');
  clear(list);
  quotient.subtractions.forEach((step, k) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'bit ' + step.bit + ': ' + step.partial + ' − ' + step.divisor + ' = ' + step.trace.sum
      + (step.kept ? ' (kept: bit 1)' : ' (negative: bit 0)');
    button.addEventListener('click', () => showTrace(step.trace));
    button.dataset.subtraction = String(k);
    item.append(button);
    list.append(item);
  });
  document.body.dataset.quotients = String(Number(document.body.dataset.quotients || 0) + 1);
  if (steps > 0) {
    showTrace(quotient.subtractions[steps - 1].trace);
  }
  $('sum-line').textContent = quotient.a + ' ÷ ' + quotient.b + ' =';
  $('sum').textContent = quotient.quotient + ' r ' + quotient.remainder;
  $('wrapped').textContent = steps > 0 ? '(the last subtraction is traced below; choose another above)'
    : '(b is larger than a: no subtraction needed)';
}

/** The headline after Multiply is the product (or Math's overflow), not the tree's last addition traced below it. */
function showProductHeadline(product) {
  const sum = $('sum');
  sum.dataset.overflow = String(Boolean(product.overflow));
  if (product.overflow) {
    $('sum-line').textContent = product.a + ' × ' + product.b + ' overflows an int: Math.multiplyExact throws '
      + 'ArithmeticException:';
    sum.textContent = product.overflow;
  } else {
    $('sum-line').textContent = product.a + ' × ' + product.b + ' =';
    sum.textContent = product.product;
  }
  sum.dataset.wrapped = product.product;
  $('wrapped').textContent = '(the tree\'s last addition is traced below; choose another above)';
}

async function run() {
  stop();
  $('product').hidden = true;
  $('quotient').hidden = true;
  const query = new URLSearchParams({ model: view.model.name, a: $('a').value, b: $('b').value });
  if (view.model.kind === 'binary') {
    query.set('width', $('width').value);
  }
  let trace;
  try {
    trace = await getJson('/api/trace?' + query);
  } catch (e) {
    $('message').textContent = e.message;
    view.refusals += 1;
    document.body.dataset.refusals = view.refusals;
    return;
  }
  showTrace(trace);
}

/** What the page calls numbers written in a radix. */
function numberName(radix) {
  return radix === 10 ? 'decimal' : radix === 16 ? 'hexadecimal' : 'base-' + radix;
}

/** A number as the page writes it: hexadecimal with 0x, other radixes with their base, ints as they are. */
function written(digits, radix) {
  if (digits.startsWith('-')) {
    return '-' + written(digits.substring(1), radix);
  }
  return radix === 2 || radix === 10 ? digits : radix === 16 ? '0x' + digits : digits + ' (base ' + radix + ')';
}

function renderResult() {
  const t = view.trace;
  const sum = $('sum');
  sum.dataset.overflow = String(Boolean(t.overflow));
  sum.dataset.wrapped = t.sum;
  if (t.overflow) {
    $('sum-line').textContent = t.a + ' ' + t.symbol + ' ' + t.b + ' overflows ' + (t.width === 'int' ? 'an int' : 'a long')
      + ': Math.' + (t.operator === 'subtract' ? 'subtractExact' : 'addExact') + ' throws ArithmeticException:';
    sum.textContent = t.overflow;
    $('wrapped').textContent = '(the ' + t.bits + ' sum bits wrap to ' + t.sum + ')';
  } else {
    $('sum-line').textContent = written(t.a, t.radix) + ' ' + t.symbol + ' ' + written(t.b, t.radix) + ' =';
    sum.textContent = written(t.sum, t.radix);
    const types = { int: 'ints', long: 'longs', big: 'BigIntegers' };
    $('wrapped').textContent = t.width ? '(' + t.bits + ' steps, as ' + types[t.width] + ')' : '';
  }
}

function rows() {
  const m = view.model;
  const list = [{ name: m.kind === 'binary' ? 'a bit' : 'a digit', kind: 'a' },
    { name: m.kind === 'binary' ? 'b bit' : 'b digit', kind: 'b' }];
  m.units.forEach((unit, j) => list.push({ name: unit, kind: 'unit', j }));
  list.push({ name: m.resultName, kind: 'sum' }, { name: 'margin', kind: 'margin' },
    { name: m.stateName, kind: 'carry' });
  if (m.plane) {
    list.push({ name: 'in box', kind: 'inside' });
  }
  return list;
}

function renderGrid() {
  const grid = $('grid');
  clear(grid);
  const list = rows();
  const steps = view.trace.steps;
  grid.setAttribute('width', LABEL_WIDTH + steps.length * CELL + 4);
  grid.setAttribute('height', 18 + list.length * CELL + 4);
  list.forEach((row, r) => text(grid, 2, 18 + r * CELL + 13, row.name, { class: 'label' }));
  steps.forEach((step, t) => {
    const x = LABEL_WIDTH + t * CELL;
    const column = svg('g', { class: 'step-column', 'data-step': t }, grid);
    if (t % 4 === 0) {
      text(column, x + 2, 12, String(t), { class: 'label' });
    }
    list.forEach((row, r) => {
      const y = 18 + r * CELL;
      const cell = { x, y, width: CELL - 1, height: CELL - 1, fill: '#fff' };
      let content = '';
      if (row.kind === 'a' || row.kind === 'b' || row.kind === 'sum') {
        content = String(step[row.kind === 'sum' ? 'sumDigit' : row.kind]);
      } else if (row.kind === 'unit') {
        const value = row.j < step.h.length ? step.h[row.j] : step.c[row.j - step.h.length];
        cell.fill = colour(value);
        svg('title', {}, svg('rect', cell, column)).textContent = row.name + ' = ' + value.toFixed(4);
        return;
      } else if (row.kind === 'margin') {
        svg('rect', cell, column);
        const bar = Math.max(1, Math.min(step.margin / 10, 1) * (CELL - 3));
        const rect = svg('rect', { x: x + 3, y: y + CELL - 2 - bar, width: CELL - 7, height: bar,
          class: step.margin < 1 ? 'thin-margin' : 'margin' }, column);
        svg('title', {}, rect).textContent = 'margin ' + step.margin.toFixed(3) + ' logits (bar full at 10)';
        return;
      } else if (row.kind === 'carry') {
        content = String(step.carry);
        cell.class = 'carry-' + step.carry;
        cell['fill-opacity'] = 0.35;
      } else if (row.kind === 'inside') {
        content = step.region.inside ? '✓' : '✗';
      }
      svg('rect', cell, column);
      text(column, x + 4, y + 13, content);
    });
    svg('rect', { class: 'frame', x: x - 1, y: 16, width: CELL + 1, height: list.length * CELL + 2 }, column);
    column.addEventListener('click', () => {
      stop();
      show(t);
    });
  });
}

function planeScale() {
  const plane = view.model.plane;
  let [x0, x1, y0, y1] = [0, 0, 0, 0];
  for (const box of plane.boxes) {
    x0 = Math.min(x0, box[0]);
    x1 = Math.max(x1, box[1]);
    y0 = Math.min(y0, box[2]);
    y1 = Math.max(y1, box[3]);
  }
  for (const step of view.trace.steps) {
    x0 = Math.min(x0, step.point[0]);
    x1 = Math.max(x1, step.point[0]);
    y0 = Math.min(y0, step.point[1]);
    y1 = Math.max(y1, step.point[1]);
  }
  const w = PLANE.width - 2 * PLANE.pad;
  const h = PLANE.height - 2 * PLANE.pad;
  const sx = w / Math.max(x1 - x0, 1e-9);
  const sy = h / Math.max(y1 - y0, 1e-9);
  return { x: (v) => PLANE.pad + (v - x0) * sx, y: (v) => PLANE.height - PLANE.pad - (v - y0) * sy, x0, x1, y0, y1 };
}

function renderPlane() {
  const root = $('plane');
  clear(root);
  const plane = view.model.plane;
  if (!plane) {
    return;
  }
  root.setAttribute('width', PLANE.width);
  root.setAttribute('height', PLANE.height);
  const s = planeScale();
  $('projection').textContent = 'x: ' + plane.x + '; y: ' + plane.y + '. ' + (plane.separates
    ? 'Along x, every ' + view.model.stateName + '-0 box lies left of every ' + view.model.stateName
      + '-1 box (gap ' + plane.gap.toPrecision(3) + ').'
    : 'No single direction tried separates all boxes by ' + view.model.stateName + ' (overlap '
      + (-plane.gap).toPrecision(3) + ').')
    + ' Each rectangle holds the image of one certificate box.';
  for (const carry of [0, 1]) {
    let d = '';
    for (const box of plane.boxes) {
      if (box[4] === carry) {
        const x = s.x(box[0]);
        const y = s.y(box[3]);
        d += 'M' + x.toFixed(1) + ' ' + y.toFixed(1) + 'h' + Math.max(s.x(box[1]) - x, 0.5).toFixed(1)
          + 'v' + Math.max(s.y(box[2]) - y, 0.5).toFixed(1) + 'h' + (-Math.max(s.x(box[1]) - x, 0.5)).toFixed(1) + 'z';
      }
    }
    svg('path', { d, class: 'boxes-' + carry }, root);
  }
  svg('rect', { id: 'current-box', class: 'current-box', x: 0, y: 0, width: 0, height: 0 }, root);
  svg('polyline', { id: 'trajectory', class: 'trajectory', points: '' }, root);
  const points = svg('g', { id: 'trajectory-points' }, root);
  view.trace.steps.forEach((step, t) => {
    const circle = svg('circle', { class: 'trajectory-point', 'data-step': t, cx: s.x(step.point[0]),
      cy: s.y(step.point[1]), r: 3 }, points);
    svg('title', {}, circle).textContent = 'after step ' + t + ': ' + step.region.label;
  });
  svg('circle', { cx: s.x(0), cy: s.y(0), r: 4, fill: '#fff', stroke: '#000' }, root);
  text(root, s.x(0) + 6, s.y(0) - 6, 'zero state', { class: 'label' });
  text(root, PLANE.pad, PLANE.height - 10, 'x →  ' + s.x0.toFixed(2) + ' … ' + s.x1.toFixed(2), { class: 'label' });
  text(root, 4, 14, 'y ↑  ' + s.y0.toFixed(2) + ' … ' + s.y1.toFixed(2), { class: 'label' });
  text(root, PLANE.width - 170, 14, '■ ' + view.model.stateName + ' 0', { class: 'carry-0' });
  text(root, PLANE.width - 90, 14, '■ ' + view.model.stateName + ' 1', { class: 'carry-1' });
}

function show(step) {
  const t = view.trace;
  view.step = Math.max(0, Math.min(step, t.stepCount - 1));
  $('slider').value = view.step;
  $('step').textContent = view.step + 1;
  for (const column of document.querySelectorAll('.step-column.current')) {
    column.classList.remove('current');
  }
  const column = document.querySelector('.step-column[data-step="' + view.step + '"]');
  column.classList.add('current');
  renderFacts();
  renderBox();
  updatePlane();
}

function renderFacts() {
  const s = view.trace.steps[view.step];
  const facts = $('facts');
  clear(facts);
  const unit = view.model.kind === 'binary' ? 'bit' : 'digit';
  const carryIn = view.step === 0 ? 0 : view.trace.steps[view.step - 1].carry;
  fact(facts, 'step', (view.step + 1) + ' of ' + view.trace.stepCount + ' (' + unit + ' ' + view.step + ')');
  const state = view.model.stateName;
  fact(facts, 'reads', 'a ' + unit + ' ' + s.a + ', b ' + unit + ' ' + s.b + ', ' + state + ' in ' + carryIn);
  fact(facts, 'writes', view.model.resultName + ' ' + unit + ' ' + s.sumDigit + ' (margin ' + s.margin.toFixed(3)
    + ' logits)');
  fact(facts, state + ' out', String(s.carry));
  if (s.region) {
    fact(facts, 'region', '#' + s.region.index + ': ' + s.region.label);
    fact(facts, 'claims', view.model.resultName + ' ' + unit + ' '
      + s.region.sumDigit + ', ' + state + ' ' + s.region.carry);
    fact(facts, 'in its box', (s.region.inside ? 'yes' : 'NO') + ', ' + s.region.slack.toExponential(2)
      + ' from the nearest face');
  } else {
    fact(facts, 'region', 'none: the model is not certified');
  }
}

function renderBox() {
  const root = $('box');
  clear(root);
  const s = view.trace.steps[view.step];
  $('box-title').hidden = !s.region;
  if (!s.region) {
    return;
  }
  const units = view.model.units;
  const width = 300;
  root.setAttribute('width', width + 120);
  root.setAttribute('height', units.length * 16 + 8);
  units.forEach((unit, j) => {
    const y = 4 + j * 16;
    const value = j < s.h.length ? s.h[j] : s.c[j - s.h.length];
    text(root, 0, y + 10, unit, { class: 'label' });
    svg('rect', { x: 44, y: y + 3, width, height: 8, fill: '#edf2f7', stroke: '#cbd5e0' }, root);
    const p = Math.max(0, Math.min(1, s.region.position[j]));
    svg('rect', { x: 44 + p * width - 1.5, y: y, width: 3, height: 14, fill: s.region.inside ? '#000' : '#e53e3e' }, root);
    text(root, 50 + width, y + 10, value.toFixed(4));
  });
}

function updatePlane() {
  if (!view.model.plane) {
    return;
  }
  const s = planeScale();
  const steps = view.trace.steps;
  const points = [[0, 0]].concat(steps.slice(0, view.step + 1).map((step) => step.point));
  $('trajectory').setAttribute('points', points.map((p) => s.x(p[0]).toFixed(1) + ',' + s.y(p[1]).toFixed(1)).join(' '));
  for (const circle of document.querySelectorAll('.trajectory-point')) {
    const t = Number(circle.dataset.step);
    circle.setAttribute('visibility', t <= view.step ? 'visible' : 'hidden');
    circle.classList.toggle('current', t === view.step);
    circle.setAttribute('r', t === view.step ? 5 : 3);
  }
  const box = view.model.plane.boxes[steps[view.step].region.index];
  const current = $('current-box');
  current.setAttribute('x', s.x(box[0]));
  current.setAttribute('y', s.y(box[3]));
  current.setAttribute('width', Math.max(s.x(box[1]) - s.x(box[0]), 1));
  current.setAttribute('height', Math.max(s.y(box[2]) - s.y(box[3]), 1));
}

function stop() {
  if (view.timer) {
    clearInterval(view.timer);
    view.timer = null;
  }
  $('play').textContent = '▶ play';
}

function play() {
  if (view.timer) {
    stop();
    return;
  }
  if (view.step >= view.trace.stepCount - 1) {
    show(0);
  }
  $('play').textContent = '⏸ pause';
  view.timer = setInterval(() => {
    if (view.step >= view.trace.stepCount - 1) {
      stop();
    } else {
      show(view.step + 1);
    }
  }, 300);
}

async function start() {
  const params = new URLSearchParams(location.search);
  const list = await getJson('/api/models');
  const select = $('model');
  for (const entry of list.models) {
    const option = document.createElement('option');
    option.value = entry.name;
    option.textContent = entry.name + ' (' + entry.operator + ', ' + entry.kind + ', ' + entry.cell
      + (entry.certified ? ', certified' : ', uncertified') + (entry.imported ? ', imported: ' + entry.imported : '')
      + ')';
    select.appendChild(option);
  }
  const wanted = params.get('model');
  select.value = list.models.some((m) => m.name === wanted) ? wanted : list.first;
  for (const key of ['a', 'b', 'width']) {
    if (params.has(key)) {
      $(key).value = params.get(key);
    }
  }
  await loadModel(select.value);
  select.addEventListener('change', async () => {
    try {
      await loadModel(select.value);
      await run();
    } catch (e) {
      $('message').textContent = e.message;
    }
  });
  $('multiply').addEventListener('click', multiply);
  $('divide').addEventListener('click', divide);
  $('counterexample').addEventListener('click', () => {
    $('a').value = view.model.counterexample[0];
    $('b').value = view.model.counterexample[1];
    $('width').value = 'auto';
    run();
  });
  $('operands').addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  $('first').addEventListener('click', () => { stop(); show(0); });
  $('back').addEventListener('click', () => { stop(); show(view.step - 1); });
  $('forward').addEventListener('click', () => { stop(); show(view.step + 1); });
  $('last').addEventListener('click', () => { stop(); show(view.trace.stepCount - 1); });
  $('play').addEventListener('click', play);
  $('slider').addEventListener('input', () => { stop(); show(Number($('slider').value)); });
  document.addEventListener('keydown', (event) => {
    if (!view.trace || event.target.tagName === 'INPUT' || event.target.tagName === 'SELECT') {
      return;
    }
    if (event.key === 'ArrowLeft') {
      stop();
      show(view.step - 1);
    } else if (event.key === 'ArrowRight') {
      stop();
      show(view.step + 1);
    }
  });
  await run();
  document.body.dataset.readyMs = Math.round(performance.now());
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  $('message').textContent = 'the explorer could not start: ' + e.message;
});
