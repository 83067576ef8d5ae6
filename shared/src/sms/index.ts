export { type SmsCount, smsCount, smsSegments } from './sms-segments';
