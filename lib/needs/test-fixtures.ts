import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, users } from '@/db/schema';
import { uniqueSuffix } from '@/db/test-db';
import { hashPassword } from '@/lib/auth/password';
import type { NeedIntake } from './intake-schema';

export function intake(overrides: Partial<NeedIntake> = {}): NeedIntake {
  return {
    name: '测试居民',
    phone: `13${7 + Math.floor(Math.random() * 3)}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    areaId: 'cicheng',
    village: '南联村',
    address: '',
    idNumber: '',
    relation: 'self',
    submitterName: '',
    submitterPhone: '',
    category: 'life',
    kind: 'material',
    populations: ['elderly'],
    householdSize: 2,
    description: `冬天没有厚被子，老人怕冷 ${uniqueSuffix()}`,
    estimatedCost: '',
    health: '',
    disability: '',
    finances: '',
    guardianName: '',
    consent: true,
    sensitiveConsent: false,
    guardianConsent: false,
    ...overrides,
  };
}

export async function staffUser(db: Db, role: 'social_worker' | 'admin' | 'donor' = 'social_worker') {
  const [u] = await db
    .insert(users)
    .values({ email: `${role}-${uniqueSuffix()}@test.local`, name: `${role}-测试`, role, passwordHash: await hashPassword('x-long-password') })
    .returning();
  return u;
}

export async function activeProjectId(db: Db, slug = 'zhihuiguo') {
  const [p] = await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug));
  return p.id;
}

export const randomIp = () => `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
