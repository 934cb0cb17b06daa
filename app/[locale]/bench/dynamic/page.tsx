import { FloorPage } from '../floor-page';

export const dynamic = 'force-dynamic';
export const metadata = { robots: { index: false } };

export default function DynamicFloor() {
  return <FloorPage variant="dynamic" />;
}
