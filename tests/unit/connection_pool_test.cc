// ConnectionPool: a connection that broke (the server closed it while it sat
// idle, or it failed during use) is dropped and replaced, never lent; and no
// connection is lent to two borrowers at once, however many threads borrow.

#include "storage/connection_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace deltalabs {
namespace {

// A connection that runs nothing; `dead` says whether it is broken, and
// `users` counts who holds it right now.
class FakeConnection final : public Connection {
 public:
  explicit FakeConnection(int number) : id(number) {}
  Result<RowSet> query(std::string_view, const Params&) override { return RowSet(); }
  Result<std::int64_t> execute(std::string_view, const Params&) override { return 0; }
  Status execute_script(std::string_view) override { return {}; }
  Dialect dialect() const override { return Dialect::kPostgres; }
  bool broken() const override { return dead.load(); }

  const int id;
  std::atomic<bool> dead{false};
  std::atomic<int> users{0};
};

struct Made {
  std::atomic<int> count{0};
  ConnectionPool::Factory factory() {
    return [this]() -> Result<std::unique_ptr<Connection>> {
      return std::unique_ptr<Connection>(std::make_unique<FakeConnection>(++count));
    };
  }
};

FakeConnection& fake(ConnectionLease& lease) { return dynamic_cast<FakeConnection&>(*lease); }

TEST(ConnectionPool, AConnectionThatBrokeDuringUseIsDroppedWhenItComesBack) {
  Made made;
  ConnectionPool pool(made.factory(), 2, std::chrono::milliseconds(100));
  {
    auto lease = pool.acquire();
    ASSERT_TRUE(lease.ok());
    EXPECT_EQ(fake(*lease).id, 1);
    fake(*lease).dead = true;  // its statement found the server gone
  }
  EXPECT_EQ(pool.stats().size, 0u);
  auto next = pool.acquire();
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(fake(*next).id, 2);
}

TEST(ConnectionPool, AConnectionThatBrokeWhileIdleIsDroppedWhenItWouldBeLent) {
  Made made;
  ConnectionPool pool(made.factory(), 3, std::chrono::milliseconds(100));
  std::vector<FakeConnection*> idle;
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    ASSERT_TRUE(a.ok() && b.ok());
    idle = {&fake(*a), &fake(*b)};
  }
  EXPECT_EQ(pool.stats().size, 2u);
  for (FakeConnection* c : idle) c->dead = true;  // both closed by the server while idle
  auto lease = pool.acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ(fake(*lease).id, 3);  // a new one, neither dead one
  EXPECT_EQ(pool.stats().size, 1u);
}

TEST(ConnectionPool, NoConnectionIsLentToTwoBorrowersAtOnceEvenWhenSomeBreak) {
  Made made;
  ConnectionPool pool(made.factory(), 4, std::chrono::milliseconds(5000));
  std::atomic<int> shared_use{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        auto lease = pool.acquire();
        if (!lease.ok()) {
          ++failures;
          continue;
        }
        FakeConnection& c = fake(*lease);
        if (c.users.fetch_add(1) != 0 || c.dead) ++shared_use;
        std::this_thread::yield();
        c.users.fetch_sub(1);
        if ((i + t) % 97 == 0) c.dead = true;  // some fail during use
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(shared_use.load(), 0);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(made.count.load(), 4);  // the broken ones were replaced
  EXPECT_LE(pool.stats().size, 4u);
}

}  // namespace
}  // namespace deltalabs
