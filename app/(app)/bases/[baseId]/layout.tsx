import { notFound } from "next/navigation";
import { BaseHeader } from "@/components/bases/base-header";
import { requireBaseMember } from "@/lib/auth/current-user";
import { getBase, getBaseTabs } from "@/lib/accounts/bases";

// Every page of a base: its header, table tabs and the "+ Add or import" button. Someone
// without a role in the base gets a 404, which does not reveal that the base exists.
export default async function BaseLayout({ children, params }: { children: React.ReactNode; params: Promise<{ baseId: string }> }) {
  const { baseId } = await params;
  const { role } = await requireBaseMember(baseId);
  const [base, tabs] = await Promise.all([getBase(baseId), getBaseTabs(baseId)]);
  if (!base) notFound();
  return (
    <>
      <BaseHeader base={{ id: base.id, name: base.name }} role={role} tabs={tabs} />
      {children}
    </>
  );
}
