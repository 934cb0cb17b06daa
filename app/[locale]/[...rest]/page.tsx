import { notFound } from 'next/navigation';

/** Any path no page answers: the localized not-found page. */
export default function UnknownPage() {
  notFound();
}
