import {
  Circle,
  Globe,
  Mail,
  Mailbox,
  Megaphone,
  MessageCircle,
  MessagesSquare,
  Monitor,
  Package,
  Phone,
  Smartphone,
  Store,
  UserRound,
  type LucideIcon,
} from "lucide-react";
import type { TChannel, TDimension } from "@/lib/journeys/document";

// Dimension and channel are told by icon and label, not by colour: colour is kept for the gap
// (warm below expectation, cool above) and for Moments of Truth.

export const DIMENSION_ICONS: Record<TDimension, LucideIcon> = {
  PRODUCT_SERVICE: Package,
  FRONTLINE_STAFF: UserRound,
  MARKETING_COMMUNICATION: Megaphone,
};

export const CHANNEL_ICONS: Record<TChannel, LucideIcon> = {
  IN_PERSON: Store,
  PHONE: Phone,
  WEB: Globe,
  APP: Smartphone,
  EMAIL: Mail,
  MAIL: Mailbox,
  SNS: MessageCircle,
  KIOSK: Monitor,
  CHAT: MessagesSquare,
  OTHER: Circle,
};
