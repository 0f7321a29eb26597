import { NavLink } from 'react-router-dom';
import { cx } from '../../theme';

const sections = [
  { to: '/profile', label: 'Profile' },
  { to: '/profile/preferences', label: 'Preferences' },
];

/** Moves between the profile's pages (each has its own address). */
export function ProfileNav() {
  return (
    <nav aria-label="Profile sections" className="mb-6 border-b border-line">
      <ul className="flex gap-2">
        {sections.map((s) => (
          <li key={s.to}>
            <NavLink
              end
              to={s.to}
              className={({ isActive }) =>
                cx('inline-block px-3 py-2 font-semibold', isActive ? 'border-b-2 border-link text-link' : 'text-muted hover:text-ink')
              }
            >
              {s.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
