/**
 * An incremental bipartite flow between need classes and projects, used as the independence oracle of a
 * transversal matroid.
 *
 * Needs that share an eligibility signature (a "class") are interchangeable, so the network is
 * source → class → project → sink, with classes × projects edges instead of needs × projects.
 * `tryAdd(c)` asks: can one more need of class c be served while every need accepted so far stays served
 * (possibly moved to another project)? It answers by finding one augmenting path, so the accepted needs
 * are always exactly an independent set of the matroid and the flow is a witness assignment for them.
 *
 * Two facts keep it fast, both from matroid theory:
 * - once a need of class c is refused, every later need of c is refused too (adding needs never makes
 *   room), and so is every class the failed search reached — they are marked dead and never searched again;
 * - a project's spare capacity only ever goes down, so each class keeps a cursor over its preferred
 *   projects and tries a direct edge first; the search runs only when all of those are full.
 */
export type ClassFlow = {
  tryAdd(c: number): boolean;
  isDead(c: number): boolean;
  /** Units of class c on each project of its list (same positions as the list given). */
  flowOf(c: number): Int32Array;
};

/** `lists[c]`: the projects class c may use, in its order of preference; `capacity[p]`: places of p. */
export function createClassFlow(lists: readonly (readonly number[])[], capacity: readonly number[]): ClassFlow {
  const classCount = lists.length;
  const projectCount = capacity.length;
  const spare = Int32Array.from(capacity, (n) => Math.max(0, n));
  const flow = lists.map((list) => new Int32Array(list.length));
  const cursor = new Int32Array(classCount);
  const dead = new Uint8Array(classCount);

  // Reverse edges: for each project, the classes that may use it and the project's position in their list.
  const usersClass: number[][] = Array.from({ length: projectCount }, () => []);
  const usersPos: number[][] = Array.from({ length: projectCount }, () => []);
  lists.forEach((list, c) => {
    if (list.length === 0) dead[c] = 1;
    list.forEach((p, pos) => {
      usersClass[p].push(c);
      usersPos[p].push(pos);
    });
  });

  // Search state, reset by bumping a stamp instead of clearing arrays.
  let stamp = 0;
  const seenClass = new Int32Array(classCount);
  const seenProject = new Int32Array(projectCount);
  const viaProject = new Int32Array(classCount); // class reached by undoing one unit it has on this project…
  const viaProjectPos = new Int32Array(classCount); // …at this position of its own list
  const viaClass = new Int32Array(projectCount); // project reached from this class…
  const viaClassPos = new Int32Array(projectCount); // …at this position of that class's list
  const queue = new Int32Array(classCount);

  function direct(c: number): boolean {
    const list = lists[c];
    while (cursor[c] < list.length && spare[list[cursor[c]]] === 0) cursor[c]++;
    if (cursor[c] === list.length) return false;
    spare[list[cursor[c]]]--;
    flow[c][cursor[c]]++;
    return true;
  }

  /** Breadth-first, so the chain of needs moved to make room is as short as possible. */
  function augment(start: number): boolean {
    stamp++;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seenClass[start] = stamp;
    while (head < tail) {
      const c = queue[head++];
      const list = lists[c];
      for (let pos = 0; pos < list.length; pos++) {
        const p = list[pos];
        if (seenProject[p] === stamp) continue;
        seenProject[p] = stamp;
        viaClass[p] = c;
        viaClassPos[p] = pos;
        if (spare[p] > 0) {
          applyPath(start, p);
          return true;
        }
        const users = usersClass[p];
        for (let i = 0; i < users.length; i++) {
          const other = users[i];
          if (seenClass[other] === stamp || flow[other][usersPos[p][i]] === 0) continue;
          seenClass[other] = stamp;
          viaProject[other] = p;
          viaProjectPos[other] = usersPos[p][i];
          queue[tail++] = other;
        }
      }
    }
    // No path: every class reached can never take another need (see the note at the top).
    for (let i = 0; i < tail; i++) dead[queue[i]] = 1;
    return false;
  }

  function applyPath(start: number, end: number) {
    spare[end]--;
    let p = end;
    for (;;) {
      const c = viaClass[p];
      flow[c][viaClassPos[p]]++;
      if (c === start) return;
      flow[c][viaProjectPos[c]]--;
      p = viaProject[c];
    }
  }

  return {
    tryAdd(c) {
      if (dead[c]) return false;
      if (direct(c) || augment(c)) return true;
      dead[c] = 1;
      return false;
    },
    isDead: (c) => dead[c] === 1,
    flowOf: (c) => flow[c],
  };
}
