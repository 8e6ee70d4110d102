import { Building2, Mail, MessageSquare, Phone, Users, Video } from 'lucide-react';
import type { Channel } from '../process';

const ICONS = { call: Phone, email: Mail, linkedin: MessageSquare, meeting: Users, visit: Building2, video: Video } as const;

export function ChannelIcon({ channel, className = 'h-4 w-4' }: { channel: Channel; className?: string }) {
  const Icon = ICONS[channel];
  return <Icon aria-hidden="true" className={className} />;
}
