import { pageTitle } from '../../../../lib/page-title';
import { ImportForm } from './import-form';

export const generateMetadata = () => pageTitle((t) => t.people.import.title);

export default function ImportPage() {
  return <ImportForm />;
}
