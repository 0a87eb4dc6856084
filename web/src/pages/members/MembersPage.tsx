import { PagePlaceholder } from '../../components/PagePlaceholder';

export function MembersPage() {
  return <PagePlaceholder title="MembersPage" />;
}
