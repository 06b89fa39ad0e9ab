/**
 * The routes `npm run bench:store` drives, in order. `GET /health` runs first
 * and is the baseline the others are compared with; later capabilities add
 * their routes here so each one is measured beside stock Medusa in one run.
 */
module.exports = [
  { name: "GET /health (baseline)", path: "/health" },
  {
    name: "GET /store/products",
    path: "/store/products?limit=20",
    store: true,
  },
  {
    name: "GET /store/customers/me/loyalty",
    path: "/store/customers/me/loyalty",
    store: true,
    customer: true,
  },
  {
    name: "GET /store/products/:handle",
    path: "/store/products?handle=paris-brest",
    store: true,
  },
]
