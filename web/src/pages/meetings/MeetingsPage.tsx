/**
 * 组织生活: the meetings of the chosen organization and everything under it (三会一课, 主题党日, 组织生活会 …), one meeting's
 * attendance and minutes, and the form that records a meeting with its attendance ticked from the roster.
 */
import { Route, Routes } from 'react-router-dom';
import { MeetingDetail } from './MeetingDetail';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';

export function MeetingsPage() {
  return (
    <Routes>
      <Route index element={<MeetingList />} />
      <Route path="new" element={<MeetingForm />} />
      <Route path=":id" element={<MeetingDetail />} />
    </Routes>
  );
}
