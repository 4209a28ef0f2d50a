import { signOutAction } from "@/lib/auth/actions";
import { buttonClasses } from "@/components/ui/button";

// A form, not a link: signing out changes state, so it is a POST (a Server Action).
export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses("ghost", className)}>
        Sign out
      </button>
    </form>
  );
}
