import { useState } from 'react';
import { beijingInstant, beijingW3c } from '../../core/beijing';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';

/** The committee's 议事会 record form on a topic page: a new meeting, or (`edit`) a correction of one. */
export function useTopicMeeting(topicId: string, onSaved: () => Promise<void>) {
  const action = useOneAction();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('19:30');
  const [place, setPlace] = useState('');
  const [minutes, setMinutes] = useState('');
  const [attendance, setAttendance] = useState('');
  const reset = () => {
    setMeetingId(null);
    setPlace('');
    setMinutes('');
    setAttendance('');
  };
  /** Beijing time, as the committee enters it. */
  const instant = () => beijingW3c(beijingInstant(date, time));
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) && place.trim() !== '' && /^\d{1,6}$/.test(attendance.trim());
  const save = () =>
    action.run('meeting', async () => {
      await call('topic/saveMeeting', { id: topicId, ...(meetingId ? { meetingId } : {}), date: instant(), place, minutes, attendance: Number(attendance.trim()) });
      reset();
      await onSaved();
    });
  const edit = (m: { id: string; date: string; place: string; minutes: string; attendance: number }) => {
    const beijing = beijingW3c(m.date);
    setMeetingId(m.id);
    setDate(beijing.slice(0, 10));
    setTime(beijing.slice(11, 16));
    setPlace(m.place);
    setMinutes(m.minutes);
    setAttendance(String(m.attendance));
  };
  return { ...action, meetingId, date, setDate, time, setTime, place, setPlace, minutes, setMinutes, attendance, setAttendance, ready, save, edit, cancel: reset };
}
