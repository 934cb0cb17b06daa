import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectCovers, projects } from '@/db/schema';
import { authorize, type Actor } from '@/lib/auth/actor';
import { AppError, isAppError } from '@/lib/errors';
import { maxCoverBytes } from './cover-size';

type CoverType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The picture's real type from its first bytes; the file name and the browser's claim are not trusted. */
export function sniffImage(bytes: Uint8Array): CoverType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** A cover picture is a jpg, png or webp of at most 2 MB: its type, or the field's error. Checked before anything is saved. */
export function checkCover(bytes: Uint8Array): CoverType {
  if (bytes.length > maxCoverBytes) throw new AppError('invalid_input', 'cover too large', { cover: 'cover_too_large' });
  const contentType = sniffImage(bytes);
  if (!contentType) throw new AppError('invalid_input', 'not an image', { cover: 'cover_type' });
  return contentType;
}

/** An administrator sets a project's cover picture. */
export async function saveProjectCover(db: Db, actor: Actor, projectId: string, bytes: Uint8Array): Promise<void> {
  await authorize(db, actor, 'project:edit');
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw new AppError('not_found', 'no such project');
  const contentType = checkCover(bytes);
  const [project] = await db.select({ slug: projects.slug }).from(projects).where(eq(projects.id, projectId));
  if (!project) throw new AppError('not_found', 'no such project');
  const data = Buffer.from(bytes);
  const updatedAt = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(projectCovers)
      .values({ projectId, contentType, data, updatedAt })
      .onConflictDoUpdate({ target: projectCovers.projectId, set: { contentType, data, updatedAt } });
    // The version in the address lets browsers cache each picture for good.
    await tx
      .update(projects)
      .set({ coverImage: `/projects/${project.slug}/cover?v=${updatedAt.getTime()}`, updatedAt })
      .where(eq(projects.id, projectId));
  });
}

/**
 * A project's picture: anyone's once the project is public; while it is a draft, only for those who may edit it
 * (the draft's page is not public either), and then not to be kept by shared caches (`draft`).
 */
export async function loadProjectCover(db: Db, actor: Actor, slug: string) {
  const [cover] = await db
    .select({ contentType: projectCovers.contentType, data: projectCovers.data, status: projects.status })
    .from(projectCovers)
    .innerJoin(projects, eq(projects.id, projectCovers.projectId))
    .where(eq(projects.slug, slug));
  if (!cover) return null;
  const draft = cover.status === 'draft';
  // A visitor or anyone else who may not edit it is told what a visitor is told of a draft: there is nothing here.
  const mayEdit = () => authorize(db, actor, 'project:edit').then(() => true, (e) => (isAppError(e) ? false : Promise.reject(e)));
  if (draft && !(await mayEdit())) return null;
  return { contentType: cover.contentType, data: cover.data, draft };
}
