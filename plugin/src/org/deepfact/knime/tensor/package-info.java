/**
 * What the tensor nodes share: the tensor entries table contract ({@code i_1 .. i_N}, {@code value}).
 * The nodes themselves live in {@code tensorgenerator}, {@code tensormask} and {@code tensorlearner}.
 */
package org.deepfact.knime.tensor;
