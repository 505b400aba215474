// Part 7's closer look (`bench/profile-clicks.ts`): a Chromium trace (CDP `Tracing`, the
// DevTools timeline categories) of a few timed actions, read back as one line per task the
// acting page's main thread ran between the click and the frame that showed the result.
//
// The page marks what the trace cannot name (User Timing marks, `blink.user_timing`): the
// click, each call to main and its answer (`call:<channel>`, `answer:<channel>`; the harness's
// bridge calls `fetch` per call, wrapped here), each change event handled (`change:<seq>`) and
// the frame the watcher waited for (`frame:<key>`, in its requestAnimationFrame callback).

/** In the page: marks each call to main, its answer and each change event handled. */
export const PAGE_MARKS = `(() => {
  if (window.__marked) return;
  window.__marked = true;
  const fetch = window.fetch.bind(window);
  window.fetch = async (url, init) => {
    let channel = String(url);
    try { channel = JSON.parse(init.body).channel; } catch {}
    performance.mark('call:' + channel);
    const response = await fetch(url, init);
    const text = await response.text();
    performance.mark('answer:' + channel);
    return new Response(text, { status: response.status, headers: response.headers });
  };
  window.api.onChange((event) => performance.mark('change:' + event.seq));
})()`;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** Children of a task worth naming, with what names them. */
const DETAIL: Record<string, (e: TraceEvent) => string> = {
  FunctionCall: (e) => `js ${String(e.args?.data?.functionName ?? '') || '(anon)'}`,
  EventDispatch: (e) => `event ${String(e.args?.data?.type ?? '')}`,
  TimerFire: () => 'timer',
  FireAnimationFrame: () => 'rAF',
  RunMicrotasks: () => 'microtasks',
  UpdateLayoutTree: () => 'style',
  Layout: () => 'layout',
  PrePaint: () => 'prepaint',
  Paint: () => 'paint',
  Layerize: () => 'layerize',
  Commit: () => 'commit',
  MajorGC: () => 'gc',
  MinorGC: () => 'gc',
  ParseHTML: () => 'parse',
  EvaluateScript: () => 'script',
  'v8.compile': () => 'compile',
  ResourceReceivedData: () => 'net data',
  ResourceFinish: () => 'net done',
};

/** Self time per named child of `task` (nested children subtract from their parent), in µs. */
function selfTimes(
  task: TraceEvent,
  mine: TraceEvent[],
  into = new Map<string, number>(),
): Map<string, number> {
  const end = task.ts + (task.dur ?? 0);
  const inside = mine
    .filter((e) => e !== task && DETAIL[e.name] && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; key: string }[] = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const key = DETAIL[e.name]!(e);
    const parent = stack.at(-1);
    if (parent) into.set(parent.key, (into.get(parent.key) ?? 0) - (e.dur ?? 0));
    into.set(key, (into.get(key) ?? 0) + (e.dur ?? 0));
    stack.push({ end: e.ts + (e.dur ?? 0), key });
  }
  return into;
}

const heaviest = (self: Map<string, number>, n = 6): string =>
  [...self]
    .filter(([, us]) => us >= 500)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${key} ${(us / 1000).toFixed(1)}`)
    .join(', ');

/** A thread's tasks (Chromium writes each twice, the scheduler's and the thread's; the outer counts). */
function tasksOf(events: TraceEvent[]): TraceEvent[] {
  const named = (name: string) => events.filter((e) => e.name === name);
  const outer = named('ThreadControllerImpl::RunTask');
  return outer.length ? outer : named('RunTask');
}

/**
 * One line per task of the acting page's main thread within each [click, frame] window, with
 * the page's marks in between. `actingMark` names the frame mark that ends a window.
 */
export function readTrace(json: string, frameMark: string): string[] {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const marks = events
    .filter((e) => e.cat.includes('blink.user_timing') && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const clicks = marks.filter((m) => m.name === 'click');
  const out: string[] = [];
  for (const click of clicks) {
    const thread = `${click.pid}:${click.tid}`;
    const frame = marks.find(
      (m) => m.name === frameMark && m.ts > click.ts && `${m.pid}:${m.tid}` === thread,
    );
    if (!frame) continue;
    const from = click.ts;
    const to = frame.ts;
    const mine = events.filter(
      (e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.ts + (e.dur ?? 0) >= from && e.ts <= to,
    );
    const tasks = tasksOf(mine);
    const lines: { ts: number; text: string }[] = [];
    let busy = 0;
    let cpu = 0;
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      busy += Math.min(end, to) - Math.max(task.ts, from);
      cpu += task.tdur ?? 0;
      if ((task.dur ?? 0) < 1000) continue;
      const cpuNote = task.tdur !== undefined ? ` (cpu ${(task.tdur / 1000).toFixed(1)})` : '';
      lines.push({
        ts: task.ts,
        text: `task ${((task.dur ?? 0) / 1000).toFixed(1)} ms${cpuNote}: ${heaviest(selfTimes(task, mine))}`,
      });
    }
    for (const m of marks)
      if (`${m.pid}:${m.tid}` === thread && m.ts > from && m.ts <= to && m.name !== 'click')
        lines.push({ ts: m.ts, text: m.name });
    lines.sort((a, b) => a.ts - b.ts);
    out.push(
      `[page trace] ${((to - from) / 1000).toFixed(1)} ms click → ${frameMark}; main thread busy ${(busy / 1000).toFixed(1)} ms (cpu ${(cpu / 1000).toFixed(1)})`,
    );
    for (const line of lines) out.push(`  +${((line.ts - from) / 1000).toFixed(1).padStart(6)} ${line.text}`);
    // The other windows meanwhile: they share the machine's cores with this one.
    for (const other of mains) {
      if (other === thread) continue;
      const theirs = events.filter(
        (e) => `${e.pid}:${e.tid}` === other && e.ph === 'X' && e.ts + (e.dur ?? 0) >= from && e.ts <= to,
      );
      const self = new Map<string, number>();
      let cpu = 0;
      for (const task of tasksOf(theirs)) {
        cpu += task.tdur ?? 0;
        selfTimes(task, theirs, self);
      }
      if (cpu > 0) out.push(`  other window: cpu ${(cpu / 1000).toFixed(1)} ms: ${heaviest(self, 8)}`);
    }
  }
  return out;
}
