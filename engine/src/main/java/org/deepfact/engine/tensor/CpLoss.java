package org.deepfact.engine.tensor;

/**
 * The mean squared error over the observed entries of a CP factorization and its gradient, over
 * the parameter vector (factor after factor, each d_n x R row-major). Two implementations with the
 * same mathematics: {@link CpObjective} works entry by entry with N-fold products (cost ~ 11 m R
 * for N = 4), {@link CpUnfoldedObjective} through the unfolding's Khatri-Rao rows, shared by the
 * entries in them (cost ~ 6 m R plus (rows + cols) R N to form the rows).
 */
interface CpLoss {

    /** @return the length of the parameter vector */
    int parameters();

    /** Sets the factors from the parameter vector. */
    void load(double[] v);

    /** @return the mean squared residual at the loaded factors; computes the gradient */
    double evaluate();

    /** Writes the gradient of the last {@link #evaluate} into a parameter-shaped vector. */
    void gradient(double[] v);

    /**
     * Picks the cheaper implementation: the unfolded route unless forming its Khatri-Rao rows
     * ((rows + cols) of the unfolding) costs more than the m entries' N-fold products save.
     */
    static CpLoss create(TensorEntries observed, int rank, CpConfig.Route route, WorkerPool pool) {
        Unfolding u = new Unfolding(observed.shape());
        boolean unfolded = switch (route) {
            case UNFOLDED -> true;
            case ENTRIES -> false;
            case AUTO -> (long) u.rows() + u.cols() <= (long) observed.size() * observed.shape().order();
        };
        return unfolded ? new CpUnfoldedObjective(observed, rank, pool) : new CpObjective(observed, rank, pool);
    }
}
