import { PagePlaceholder } from '../../components/PagePlaceholder';

export function MeetingsPage() {
  return <PagePlaceholder title="MeetingsPage" />;
}
