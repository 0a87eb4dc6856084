import { PagePlaceholder } from '../../components/PagePlaceholder';

export function DeskPage() {
  return <PagePlaceholder title="DeskPage" />;
}
