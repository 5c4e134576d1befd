// Dorsal's patient-facing web interview. Plain JavaScript, no library: the page asks what the
// knowledge base lists in POST /assess's `questions`, one at a time, in its order, and shows the
// assessment of the answers given. Like `dorsal interview`, it asks each question once (a "don't
// know" is not asked again) and stops at once when the answers make the disposition EMERGENCY.
//
// The answers live in this script's memory only: no cookie, no storage, nothing in the URL. The
// server keeps nothing either: every request carries all the answers so far, so what the page
// shows is always the one-shot assessment of exactly those answers.
'use strict';

(() => {
  /** The intake's two durations: the unit the JSON counts in, its largest value, the units offered. */
  const QUANTITIES = {
    hoursSinceOnset: { contract: 'hour', max: 87600, units: ['hour', 'day', 'week'] },
    selfCareDays: { contract: 'day', max: 3650, units: ['day', 'week'] },
  };
  const UNITS = {
    hour: { hours: 1, one: 'hour', many: 'hours' },
    day: { hours: 24, one: 'day', many: 'days' },
    week: { hours: 168, one: 'week', many: 'weeks' },
  };
  const STATES = [
    { state: 'present', label: 'Yes' },
    { state: 'absent', label: 'No' },
    { state: 'unknown', label: "Don't know" },
  ];
  /** Each disposition in plain words, with what to do now. */
  const DISPOSITIONS = {
    EMERGENCY: { title: 'Call emergency services now',
      detail: 'Call your local emergency number now. Do not drive yourself.' },
    URGENT: { title: 'See a doctor today',
      detail: 'See a doctor without delay, today.' },
    ROUTINE: { title: 'Book an appointment with a doctor or physical therapist',
      detail: 'This is not an emergency, but it needs a check-up by a professional.' },
    SELF_CARE: { title: 'You can look after this yourself',
      detail: 'Follow the advice below, and watch for the signs that mean you should get help.' },
  };
  /** Headings for the kinds of advice, in the order the assessment lists them. */
  const KINDS = {
    ESCALATION: 'Getting care',
    WARNING: 'Be careful',
    THERMAL: 'Heat and cold',
    EXERCISE: 'Gentle exercises',
    PREVENTION: 'Stopping it from coming back',
    EDUCATION: 'Good to know',
  };
  const DOSE_UNITS = { MINUTES: 'minutes', SECONDS: 'seconds', REPETITIONS: 'repetitions' };

  const main = document.getElementById('main');

  // --- the interview's state: in memory only --------------------------------------------------

  /** The questions answered, in order: {question, answer, before}, `before` being the assessment it was asked from. */
  let steps = [];
  /** The assessment of exactly the answers in `steps`. */
  let current = null;
  /** Answers given earlier, to fill in a question again after Back or Change. */
  let remembered = new Map();
  let busy = false;

  function isQuantity(question) {
    return Object.prototype.hasOwnProperty.call(QUANTITIES, question.finding);
  }

  /** The intake JSON of the answers so far: "don't know" as "unknown" for a finding, left out for a duration. */
  function intake() {
    const body = { findings: {} };
    for (const { question, answer } of steps) {
      if (isQuantity(question)) {
        if (answer.value !== null) {
          body[question.finding] = answer.value;
        }
      } else {
        body.findings[question.finding] = answer.state;
      }
    }
    return body;
  }

  async function assess(body) {
    // Relative to the page, so that the interview keeps working behind a proxy's path prefix.
    const response = await fetch('assess', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      redirect: 'error',
    });
    if (!response.ok) {
      throw new Error('the service answered ' + response.status);
    }
    return response.json();
  }

  // --- moving through the interview --------------------------------------------------------------

  async function start() {
    steps = [];
    await run(() => assess(intake()), () => start());
  }

  /** Records an answer, assesses all the answers so far, and moves on; on failure the answer is taken back. */
  async function answer(question, given) {
    steps.push({ question, answer: given, before: current });
    remembered.set(question.finding, given);
    await run(() => assess(intake()), () => answer(question, given), () => steps.pop(), question);
  }

  async function run(request, retry, undo, question) {
    if (busy) {
      return;
    }
    busy = true;
    main.setAttribute('aria-busy', 'true');
    try {
      current = await request();
    } catch (e) {
      if (undo) {
        undo();
      }
      showError(retry, question);
      return;
    } finally {
      busy = false;
      main.removeAttribute('aria-busy');
    }
    advance();
  }

  function advance() {
    if (current.disposition === 'EMERGENCY') {
      showEmergency();
      return;
    }
    const asked = new Set(steps.map((s) => s.question.finding));
    const next = current.questions.find((q) => !asked.has(q.finding));
    if (next) {
      showQuestion(next);
    } else {
      showResult();
    }
  }

  function back() {
    if (steps.length === 0) {
      showStart();
      return;
    }
    const last = steps.pop();
    current = last.before;
    showQuestion(last.question);
  }

  /** Goes back to the answer at `index`; the later answers are asked again, filled in as they were. */
  function change(index) {
    const step = steps[index];
    steps = steps.slice(0, index);
    current = step.before;
    showQuestion(step.question);
  }

  // --- durations -----------------------------------------------------------------------------

  /**
   * Reads a typed number of `unit` as the whole number the intake holds, as `dorsal interview`
   * does: 1.5 days of onset is 36 hours; 1.5 weeks of self-care (10.5 days) is refused with the
   * nearest whole numbers offered. Empty means "don't know". Exact arithmetic, in BigInt.
   */
  function readDuration(typed, unit, quantity) {
    const text = typed.trim();
    if (text === '') {
      return { value: null };
    }
    if (/^-\s*\d/.test(text)) {
      return { error: 'A time cannot be negative. Please give a number such as 3 or 1.5.' };
    }
    const m = /^\+?(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text);
    if (!m) {
      return { error: 'Please give one number in digits, such as 3 or 1.5. Leave it empty if you don\'t know.' };
    }
    const fraction = m[2] || '';
    const contract = UNITS[quantity.contract];
    const given = BigInt(m[1] + fraction) * BigInt(UNITS[unit].hours);
    const per = (10n ** BigInt(fraction.length)) * BigInt(contract.hours);
    const whole = given / per;
    const rest = given % per;
    const max = BigInt(quantity.max);
    if (whole > max || (whole === max && rest > 0n)) {
      return { error: 'That is more than ' + quantity.max + ' ' + contract.many
          + ', the most this accepts. Please check the number and the unit.' };
    }
    if (rest !== 0n) {
      const said = text.replace(/^\+/, '') + ' ' + (text === '1' ? UNITS[unit].one : UNITS[unit].many);
      const exact = Number(given * 1000n / per) / 1000;
      const approx = BigInt(Math.round(exact * 1000)) * per !== given * 1000n;
      const is = unit === quantity.contract ? ' is not' : ' is ' + (approx ? 'about ' : '') + exact + ' ' + contract.many + ', not';
      return { error: said + is + ' a whole number of ' + contract.many + '. Please give one, such as '
          + amount(whole, contract) + ' or ' + amount(whole + 1n, contract) + '.' };
    }
    return { value: Number(whole), typed: text.replace(/^\+/, ''), unit };
  }

  function amount(n, unit) {
    return n + ' ' + (String(n) === '1' ? unit.one : unit.many);
  }

  function describeAnswer(question, given) {
    if (!isQuantity(question)) {
      return STATES.find((s) => s.state === given.state).label;
    }
    if (given.value === null) {
      return "Don't know";
    }
    const contract = UNITS[QUANTITIES[question.finding].contract];
    const said = given.typed + ' ' + (given.typed === '1' ? UNITS[given.unit].one : UNITS[given.unit].many);
    const counted = amount(given.value, contract);
    return said === counted ? counted : said + ' (' + counted + ')';
  }

  // --- building the page -----------------------------------------------------------------------

  /** An element with attributes and children; text is always set as text, never parsed as HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === true) {
        node.setAttribute(name, '');
      } else if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function button(text, kind, onClick, attributes) {
    const b = el('button', Object.assign({ type: 'button', class: kind }, attributes || {}), text);
    b.addEventListener('click', onClick);
    return b;
  }

  let shown = 0;

  /** Replaces the page's content, names the screen for the tab, and moves focus to its heading. */
  function show(screen, title, content) {
    document.body.dataset.screen = screen;
    document.body.classList.toggle('alarm', screen === 'emergency');
    document.title = title + ' – Dorsal';
    main.replaceChildren(content);
    window.scrollTo(0, 0);
    const heading = main.querySelector('h1');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.body.dataset.step = String(++shown);
  }

  /** The start screen as the server sent it, to show again after Back on the first question or Start again. */
  const startScreen = main.firstElementChild.cloneNode(true);

  function showStart() {
    current = null;
    steps = [];
    const screen = startScreen.cloneNode(true);
    const startButton = screen.querySelector('#start');
    startButton.addEventListener('click', start);
    startButton.disabled = false;
    show('start', 'Questions about neck and upper back pain', screen);
  }

  function startAgain() {
    remembered = new Map();
    showStart();
  }

  function showQuestion(question) {
    const number = steps.length + 1;
    const left = current.questions.filter((q) => !steps.some((s) => s.question.finding === q.finding)).length;
    const previous = remembered.get(question.finding);
    const help = question.help ? el('p', { class: 'help', id: 'help' }, question.help) : null;
    const quantity = isQuantity(question);
    const note = quantity
      ? el('p', { class: 'note', id: 'blank-note' }, 'Don\'t know? Leave the number empty, or choose "Don\'t know". Either way it counts as "don\'t know".')
      : el('p', { class: 'note', id: 'blank-note' }, 'Not sure? Choose "Don\'t know". If you leave it blank, it counts as "don\'t know".');
    const fieldset = el('fieldset', { 'aria-describedby': [help ? 'help' : null, 'blank-note'].filter(Boolean).join(' ') },
      el('legend', null, el('h1', { id: 'question-text' }, question.text)),
      help,
      quantity ? durationInputs(question, previous) : choices(previous),
      note);
    const form = el('form', { class: 'question', 'data-subject': question.finding, novalidate: true, 'aria-labelledby': 'question-text' },
      el('p', { class: 'step' }, 'Question ' + number + (left > 1 ? ' · at most ' + (left - 1) + ' more' : ' · the last one for now')),
      fieldset,
      el('div', { class: 'actions' },
        button('Back', 'secondary', back, { 'data-action': 'back' }),
        quantity ? button("Don't know", 'secondary', () => answer(question, { value: null }), { 'data-action': 'dont-know' }) : null,
        el('button', { type: 'submit', class: 'primary', 'data-action': 'next' }, 'Next')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (quantity) {
        const input = form.querySelector('#amount');
        const unit = form.querySelector('#unit').value;
        const reading = readDuration(input.value, unit, QUANTITIES[question.finding]);
        if (reading.error) {
          refuse(form, input, reading.error);
          return;
        }
        answer(question, reading.value === null ? { value: null } : reading);
      } else {
        const chosen = form.querySelector('input[name="answer"]:checked');
        answer(question, { state: chosen ? chosen.value : 'unknown' });
      }
    });
    show('question', 'Question ' + number, form);
  }

  function choices(previous) {
    return el('div', { class: 'choices' }, STATES.map(({ state, label }) =>
      el('label', { class: 'choice' },
        el('input', { type: 'radio', name: 'answer', value: state, checked: previous && previous.state === state }),
        el('span', null, label))));
  }

  function durationInputs(question, previous) {
    const units = QUANTITIES[question.finding].units;
    const known = previous && previous.value !== null;
    return [
      el('div', { class: 'duration' },
        el('div', { class: 'field' },
          el('label', { for: 'amount' }, 'Number'),
          el('input', { id: 'amount', name: 'amount', type: 'text', inputmode: 'decimal', autocomplete: 'off',
            spellcheck: 'false', maxlength: '20', value: known ? previous.typed : null })),
        el('div', { class: 'field' },
          el('label', { for: 'unit' }, 'Unit'),
          el('select', { id: 'unit', name: 'unit' }, units.map((u) =>
            el('option', { value: u, selected: known ? previous.unit === u : null }, UNITS[u].many))))),
      el('p', { class: 'error', id: 'amount-error', role: 'alert', hidden: true }),
    ];
  }

  function refuse(form, input, message) {
    const error = form.querySelector('#amount-error');
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'amount-error');
    input.focus();
  }

  function showEmergency() {
    const a = current;
    const section = el('section', { class: 'screen emergency', 'data-disposition': a.disposition, 'data-provisional': String(a.provisional) },
      el('div', { class: 'alarm-box' },
        el('h1', null, DISPOSITIONS.EMERGENCY.title),
        el('p', { class: 'alarm-detail' }, DISPOSITIONS.EMERGENCY.detail),
        el('p', null, 'Your answers show a warning sign that needs help straight away.')),
      assessmentDetails(a),
      el('div', { class: 'actions no-print' },
        button('I gave a wrong answer: go back', 'secondary', back, { 'data-action': 'back' }),
        button('Print this page', 'secondary', () => window.print(), { 'data-action': 'print' })));
    show('emergency', DISPOSITIONS.EMERGENCY.title, section);
  }

  function showResult() {
    const a = current;
    const d = DISPOSITIONS[a.disposition];
    const section = el('section', { class: 'screen result', 'data-disposition': a.disposition, 'data-provisional': String(a.provisional) },
      el('div', { class: 'disposition disposition-' + a.disposition.toLowerCase().replace('_', '-') },
        el('p', { class: 'kicker' }, 'What to do'),
        el('h1', null, d.title),
        el('p', null, d.detail)),
      assessmentDetails(a),
      answersGiven(),
      el('div', { class: 'actions no-print' },
        button('Print or save this advice', 'primary', () => window.print(), { 'data-action': 'print' }),
        button('Back', 'secondary', back, { 'data-action': 'back' }),
        button('Start again', 'secondary', startAgain, { 'data-action': 'restart' })));
    show('result', d.title, section);
  }

  /** What the result and the emergency screen share: red flags, advice, safety net, the caveat. */
  function assessmentDetails(a) {
    const advice = a.recommendations.filter((r) => r.kind !== 'SAFETY_NET');
    const safetyNet = a.recommendations.filter((r) => r.kind === 'SAFETY_NET');
    const openRedFlags = a.questions.filter((q) => q.redFlag).length;
    return el('div', { class: 'details' },
      // On the emergency screen a note about open questions would only distract: none could lower it.
      a.provisional && a.disposition !== 'EMERGENCY' ? el('div', { class: 'provisional', 'data-provisional-note': true },
        el('h2', null, 'Some warning-sign questions are not answered'),
        el('p', null, (openRedFlags === 1 ? 'One question about a warning sign has' : openRedFlags + ' questions about warning signs have')
          + ' no answer. Until they are answered, treat this as the least care you need: the answers can make it more urgent, never less.'))
        : null,
      el('h2', null, 'Warning signs'),
      a.redFlags.length === 0
        ? el('p', null, a.provisional ? 'No warning signs among the questions you answered.' : 'No warning signs in your answers.')
        : el('ul', { class: 'red-flags' }, a.redFlags.map((r) =>
          el('li', { 'data-red-flag': r.id },
            el('p', { class: 'reason' }, r.reason),
            el('p', { class: 'meta' }, 'This needs: ' + DISPOSITIONS[r.disposition].title.toLowerCase() + '.'),
            source(r)))),
      advice.length === 0 ? null : [el('h2', null, 'Advice'), adviceByKind(advice)],
      safetyNet.length === 0 ? null : [el('h2', null, 'When to get help'), el('ul', { class: 'advice' }, safetyNet.map(recommendation))],
      el('p', { class: 'disclaimer' }, el('strong', null, 'This is decision support, not a diagnosis.'),
        ' If you are worried, or feel worse, contact a doctor or nurse.'),
      el('p', { class: 'version' }, 'Knowledge base version ' + a.contentVersion + '.'));
  }

  function adviceByKind(advice) {
    const groups = [];
    for (const r of advice) {
      const last = groups[groups.length - 1];
      if (last && last.kind === r.kind) {
        last.items.push(r);
      } else {
        groups.push({ kind: r.kind, items: [r] });
      }
    }
    return groups.map((g) => [el('h3', null, KINDS[g.kind] || 'Advice'), el('ul', { class: 'advice' }, g.items.map(recommendation))]);
  }

  function recommendation(r) {
    return el('li', { 'data-recommendation': r.id },
      el('p', null, r.text),
      r.dose ? el('p', { class: 'dose' }, el('strong', null, 'How much: '), dose(r.dose)) : null,
      source(r));
  }

  /** A dose in words, as Dose.toString() writes it: "15–20 minutes (each time)", or the note alone. */
  function dose(d) {
    if (d.min === undefined || d.min === null) {
      return d.note;
    }
    const amountText = (d.min === d.max ? String(d.min) : d.min + '–' + d.max) + ' ' + DOSE_UNITS[d.unit];
    return d.note ? amountText + ' (' + d.note + ')' : amountText;
  }

  function source(item) {
    const cited = item.source === 'policy' ? "Dorsal's own rule, where the clinical sources say nothing" : item.source;
    return el('p', { class: 'source' }, 'Source: ' + cited + ' (rule ' + item.id + ')');
  }

  function answersGiven() {
    if (steps.length === 0) {
      return null;
    }
    return el('div', { class: 'answers' },
      el('h2', null, 'Your answers'),
      el('ol', null, steps.map((s, i) =>
        el('li', { 'data-subject': s.question.finding, 'data-value': isQuantity(s.question) ? (s.answer.value === null ? '' : s.answer.value) : s.answer.state },
          el('p', { class: 'asked' }, s.question.text),
          el('p', { class: 'given' }, el('strong', null, describeAnswer(s.question, s.answer)),
            ' ', button('Change', 'link no-print', () => change(i), { 'aria-label': 'Change your answer to question ' + (i + 1), 'data-action': 'change' }))))));
  }

  function showError(retry, question) {
    const section = el('section', { class: 'screen error-screen' },
      el('h1', null, 'Something went wrong'),
      el('p', null, 'Your answer could not be checked just now. Your answers so far are still here.'),
      el('p', { class: 'alarm-note' }, el('strong', null, 'If you think this is an emergency, call your local emergency number now.')),
      el('div', { class: 'actions' },
        question ? button('Back', 'secondary', () => showQuestion(question), { 'data-action': 'back' }) : null,
        button('Try again', 'primary', retry, { 'data-action': 'retry' })));
    show('error', 'Something went wrong', section);
  }

  const startButton = document.getElementById('start');
  startButton.addEventListener('click', start);
  startButton.disabled = false;
})();
