package org.knime.core.node;

/**
 * Offline stand-in for KNIME's {@code Node} class.
 * <p>
 * Holds a factory and the model it creates; in the stand-in it only serves as the owner argument of
 * {@link ExecutionContext}. No workflow integration.
 */
public final class Node {

    private final NodeFactory<NodeModel> m_factory;

    private final NodeModel m_model;

    /**
     * @param nodeFactory the factory; its {@link NodeFactory#createNodeModel()} is called once
     */
    public Node(final NodeFactory<NodeModel> nodeFactory) {
        if (nodeFactory == null) {
            throw new NullPointerException("Node factory must not be null");
        }
        m_factory = nodeFactory;
        m_model = nodeFactory.createNodeModel();
    }

    /** @return the factory this node was created with */
    public NodeFactory<NodeModel> getFactory() {
        return m_factory;
    }

    /** @return the model created by the factory */
    public NodeModel getNodeModel() {
        return m_model;
    }
}
