import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { serverActionId } from '@/e2e/server-actions';
import { lookupHash } from '@/lib/privacy/crypto';
import { checkpoint } from './app';
import { measure, type RequestPlan, type Result } from './load';


const boundary = '----azjb-bench-boundary';

/** The form as React's client posts it to a useActionState action: fields prefixed _1_, then the argument list. */
function multipart(fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(([k, v]) => [`_1_${k}`, v]);
  parts.push(['0', JSON.stringify([{ ok: false, values: {}, errors: {} }, '$K1'])]);
  const text = parts.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return Buffer.from(text, 'utf8');
}

const surnames = ['王', '李', '张', '陈', '刘', '杨', '周', '吴'];
const areas = ['zhongma', 'baisha', 'kongpu', 'wenjiao', 'yongjiang', 'zhuangqiao', 'hongtang', 'cicheng'];

type Sent = { status?: number; code?: string; refused?: string };

/**
 * POST /help as the browser sends the resident's form: every request a valid, distinct submission — its own
 * mobile number (the app allows 3 per number a day) and its own client address in X-Forwarded-For (20 an hour
 * per address). A random prefix per run keeps numbers and addresses apart from earlier runs.
 */
function intakePlan(actionId: string, base: string) {
  const sent = new Map<string, Sent>();
  const run = randomBytes(4).readUInt32BE() % 900_000_000;
  const ipPrefix = randomBytes(4).toString('hex');
  let n = 0;
  const plan: RequestPlan = {
    method: 'POST',
    path: '/help',
    setupRequest: (req, context) => {
      const i = n++;
      const phone = `13${String((run + i) % 1_000_000_000).padStart(9, '0')}`;
      (context as { phone?: string }).phone = phone;
      sent.set(phone, {});
      const body = multipart({
        name: `${surnames[i % surnames.length]}测试${i % 100}`,
        phone,
        areaId: areas[i % areas.length],
        village: `压测村${i % 50}`,
        relation: 'self',
        category: 'life',
        kind: 'material',
        householdSize: String(1 + (i % 5)),
        description: `压测提交第${i}号：家中老人行动不便，需要一些日常生活用品。`,
        consent: 'on',
      });
      return {
        ...req,
        body,
        headers: {
          ...req.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          accept: 'text/x-component',
          'next-action': actionId,
          origin: base,
          'x-forwarded-for': `2001:db8:${ipPrefix.slice(0, 4)}:${ipPrefix.slice(4)}::${i.toString(16)}`,
        },
      };
    },
    onResponse: (status, body, context) => {
      const entry = sent.get((context as { phone?: string }).phone ?? '');
      if (!entry) return;
      entry.status = status;
      // The action's return value is the flight row "1:{…}": ok with the tracking code, or the form's errors.
      const row = body.split('\n').find((l) => l.startsWith('1:'));
      try {
        const state = JSON.parse(row?.slice(2) ?? 'null') as { ok?: boolean; message?: string; errors?: object } | null;
        if (state?.ok && state.message) entry.code = state.message;
        else entry.refused = state ? (state.message ?? JSON.stringify(state.errors)) : 'no action result';
      } catch {
        entry.refused = 'unreadable response';
      }
    },
  };
  return { plan, sent };
}

/** Loads the resident's form, then checks in the database that each 2xx made exactly one need, the one it named. */
export async function measureIntake(base: string, url: string, seconds: number): Promise<Result & { verification: object }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await checkpoint(sql);
  const [{ before, started }] = await sql<{ before: number; started: Date }[]>`select count(*)::int as before, now() as started from needs`;
  const { plan, sent } = intakePlan(serverActionId('app/[locale]/help/actions.ts', 'submitNeedAction'), base);
  const result = await measure('POST /help', 'private', [{ base, route: '/help', plan }], seconds);
  await new Promise((r) => setTimeout(r, 3000)); // requests cut off at the end of a run may still be finishing

  const hashOf = new Map([...sent.keys()].map((phone) => [lookupHash(`phone:${phone}`), phone]));
  // Only this run's needs: an earlier run may have drawn the same number (its numbers are random, not unique).
  const rows = await sql<{ phone_hash: string; code: string }[]>`
    select phone_hash, code from needs where phone_hash = any(${[...hashOf.keys()]}) and submitted_at >= ${started}`;
  const [{ after }] = await sql<{ after: number }[]>`select count(*)::int as after from needs`;
  await sql.end();
  const needsOf = new Map<string, string[]>();
  for (const r of rows) needsOf.set(hashOf.get(r.phone_hash)!, [...(needsOf.get(hashOf.get(r.phone_hash)!) ?? []), r.code]);

  const v = { requestsSent: sent.size, ok2xx: 0, oneNeedPer2xx: 0, refused2xx: 0, non2xx: 0, noResponse: 0, needsWithoutOk: 0, extraNeeds: 0, needsCreated: after - before, refusals: {} as Record<string, number> };
  for (const [phone, s] of sent) {
    const made = needsOf.get(phone) ?? [];
    if (made.length > 1) v.extraNeeds += made.length - 1;
    if (s.status === undefined) v.noResponse++;
    else if (s.status < 200 || s.status >= 300) v.non2xx++;
    else if (s.code) {
      v.ok2xx++;
      if (made.length === 1 && made[0] === s.code) v.oneNeedPer2xx++;
    } else {
      v.refused2xx++;
      v.refusals[s.refused ?? '?'] = (v.refusals[s.refused ?? '?'] ?? 0) + 1;
    }
    if (!s.code && made.length) v.needsWithoutOk += made.length;
  }
  // Requests still in flight when a run stopped may have made a need no response reported: counted, not an error.
  const ok = v.ok2xx > 0 && v.oneNeedPer2xx === v.ok2xx && v.refused2xx === 0 && v.extraNeeds === 0 && v.needsCreated === rows.length;
  const detail =
    `${v.oneNeedPer2xx}/${v.ok2xx} successful 2xx made exactly their one need; ${v.refused2xx} 2xx refused${v.refused2xx ? ` ${JSON.stringify(v.refusals)}` : ''}; ` +
    `${v.extraNeeds} extra needs; ${v.noResponse} cut off unanswered at a run's end, ${v.needsWithoutOk} needs made by those or by non-2xx; needs table +${v.needsCreated}`;
  console.log(`  verification: ${detail}`);
  return { ...result, checks: { ok, detail }, verification: v };
}
