// `npm run db:seed`: seeds the demo organization into the database at DATABASE_URL.
import { seedDemoOrganization } from "@/prisma/seed/demo-organization";

const { createdUsers } = await seedDemoOrganization();
console.log(`Demo organization ready (${createdUsers} user(s) created).`);
process.exit(0);
