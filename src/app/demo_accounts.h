#pragma once

#include <array>

namespace deltalabs {

// A demo account: who can sign in to the demo service and what they can do.
struct DemoAccount {
  const char* email;
  const char* role;
  const char* first_name;
  const char* last_name;
};

// Every demo account is created with this password, printed by `seed --demo`
// and written in the README: anyone can sign in with it, so `serve` refuses
// a non-loopback address while an account still has it.
inline constexpr const char* kDemoPassword = "deltalabs-demo";

// The accounts `seed --demo` creates.
inline constexpr std::array<DemoAccount, 8> kDemoAccounts = {{
    {"admin@deltalabs.local", "super_admin", "Ada", "Admin"},
    {"instructor@deltalabs.local", "instructor", "Ines", "Instructor"},
    {"instructor2@deltalabs.local", "instructor", "Ivo", "Instructor"},
    {"ta@deltalabs.local", "ta", "Theo", "Assistant"},
    {"lab@deltalabs.local", "lab_assistant", "Lara", "Labs"},
    {"learner1@deltalabs.local", "student", "Lena", "Learner"},
    {"learner2@deltalabs.local", "student", "Luis", "Learner"},
    {"learner3@deltalabs.local", "student", "Lin", "Learner"},
}};

}  // namespace deltalabs
